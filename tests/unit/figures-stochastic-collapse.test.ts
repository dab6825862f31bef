import { describe, expect, it } from 'vitest';
import { stochasticCollapse } from '../../src/figures/stochasticCollapse.ts';
import { resolveParams } from '../../src/figures/FigureSpec.ts';
import { renderStatic } from '../../src/figures/renderStatic.ts';
import { runScenario } from '../../src/engine/index.ts';

const host = { run: async (s: Record<string, unknown>) => runScenario(s) };
const data = (params: Record<string, number> = {}) => stochasticCollapse.compute(resolveParams(stochasticCollapse, params), host);

describe('stochastic-collapse figure', () => {
  it('collapses most paths above the threshold ζ² = −2κ = 3 and none well below it', async () => {
    const above = await data({ zeta: 2.5 });
    const below = await data({ zeta: 1 });
    expect(above.collapsed.at(-1)).toBe(1);
    expect(below.collapsed.at(-1)).toBe(0);
    // The default ζ = 2 is the run the reading quotes.
    expect((await data()).collapsed.at(-1)).toBeCloseTo(0.8725, 10);
  });

  it('keeps the mean of ln|θ| below the Itô line, whose slope it reaches once the paths are near 0', async () => {
    for (const zeta of [1, 2, 3]) {
      const d = await data({ zeta });
      // d ln|θ| = (−(κ + ζ²/2) − θ²) dt + ζ dB: the θ² term only pulls down; the noise term of a mean over
      // the paths has standard deviation ζ√t/√paths, allowed three times.
      for (let k = 0; k < d.t.length; k++) {
        expect(d.meanLog[k]).toBeLessThanOrEqual(d.meanLog[0] + d.itoSlope * d.t[k] + 3 * zeta * Math.sqrt(d.t[k] / d.paths) + 1e-12);
      }
    }
    const deep = await data({ zeta: 3 });
    expect(deep.itoSlope).toBeCloseTo(-3, 12);
    expect(Math.abs(deep.lateSlope / deep.itoSlope - 1)).toBeLessThan(0.1);
  });

  it('states the parameters, seed, threshold and final fraction in its text alternative', async () => {
    const text = stochasticCollapse.describe(await data());
    expect(text).toContain('κ = −1.5');
    expect(text).toContain('ζ = 2.00');
    expect(text).toContain('seed 0');
    expect(text).toContain('√3');
    expect(text).toContain('87.25 %');
    expect(text).not.toMatch(/μ|dW/);
  });

  it('lets a rising Itô line leave the panel through the top at its true slope', async () => {
    // At ζ = 0.5 the line rises by 1.375 per unit time while the data stay within ±0.5: on a clamped scale it
    // would be flattened onto the panel's top corner. Its end must be where it crosses the top, at t ≈ 0.5,
    // i.e. a few viewBox units right of the panel's left edge (540), not at t = 25 (860).
    const { svg } = await renderStatic(stochasticCollapse, resolveParams(stochasticCollapse, { zeta: 0.5 }), host);
    const d = svg.match(/stroke-dasharray="7 4"[^>]*\sd="([^"]+)"/)?.[1] ?? '';
    const pts = [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(pts.length).toBe(2);
    expect(pts[1][0]).toBeLessThan(560);
    expect(pts[1][1]).toBeCloseTo(50, 1);
  });

  it('draws finite coordinates at every extreme of its control', async () => {
    for (const zeta of [0.5, 1.75, 3]) {
      const { svg } = await renderStatic(stochasticCollapse, resolveParams(stochasticCollapse, { zeta }), host);
      expect(svg).not.toMatch(/NaN|Infinity/);
    }
  });
});

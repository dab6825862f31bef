import { describe, expect, it } from 'vitest';
import { edgeOfStability } from '../../src/figures/edgeOfStability.ts';
import { resolveParams } from '../../src/figures/FigureSpec.ts';
import { runScenario } from '../../src/engine/index.ts';
import { renderStatic } from '../../src/figures/renderStatic.ts';
import { marksOutsidePlotArea, nonFiniteValues, parseSvg, svgTexts } from '../support/figureGeometry.ts';

const host = { run: async (s: Record<string, unknown>) => runScenario(s) };
const data = (params: Record<string, number> = {}) => edgeOfStability.compute(resolveParams(edgeOfStability, params), host);

describe('edge-of-stability figure', () => {
  it('shows the MLP sharpening from below 2/η and then hovering within 5% of 2/η (η = 0.1, the notes quote 9.9 → 20.06)', async () => {
    const d = await data();
    expect(d.mlp.initialSharpness).toBeLessThan(0.6 * 20);
    expect(Math.abs(d.mlp.lateMeanSharpness / 20 - 1)).toBeLessThan(0.05);
    expect(d.mlp.initialSharpness.toFixed(1)).toBe('9.9');
    expect(d.mlp.lateMeanSharpness.toFixed(2)).toBe('20.06');
    expect(edgeOfStability.describe(d)).toContain('averages 20.06, against 2/η = 20.00');
  });

  it('lands the toy just below 2/η when gradient flow would land above it, from starts whose flow landing is sharper than 2/η', async () => {
    for (const [eta, x0] of [[0.1, 3.5], [0.125, 3], [0.15, 3], [0.175, 3], [0.2, 3]]) {
      const d = await data({ eta, x0 });
      expect(d.flowLandingSharpness).toBeGreaterThan(2 / eta);
      const final = d.xy.sharpness.at(-1)!;
      expect(final).toBeLessThanOrEqual(2 / eta);
      expect(final).toBeGreaterThanOrEqual(0.97 * (2 / eta));
    }
  });

  it('says the toy lands where gradient flow does when that is already flatter than 2/η', async () => {
    const d = await data({ eta: 0.1, x0: 2 });
    expect(d.flowLandingSharpness).toBeLessThan(20);
    expect(d.xy.sharpness.at(-1)!).toBeCloseTo(d.flowLandingSharpness, 0);
    expect(edgeOfStability.describe(d)).toContain('no edge of stability');
  });

  it('reports the divergence of a start too sharp for the step size instead of drawing it', async () => {
    const d = await data({ eta: 0.2, x0: 4 });
    expect(d.xy.diverged).not.toBeNull();
    expect(edgeOfStability.describe(d)).toContain(`diverges at step ${d.xy.diverged!.step}`);
  });

  it('draws the η = 0.2 divergence from the default start on purpose: cut at the frame, labelled, axes on the start and the 2/η points', async () => {
    const { svg } = await renderStatic(edgeOfStability, resolveParams(edgeOfStability, { eta: 0.2 }), host);
    const d = await data({ eta: 0.2 });
    expect(d.xy.diverged).not.toBeNull();
    expect(nonFiniteValues(svg)).toEqual([]);
    expect(marksOutsidePlotArea(svg)).toEqual([]);
    expect(svgTexts(svg)).toContain(`diverged at step ${d.xy.diverged!.step}`);
    // The toy's tick labels stay on the meaningful range (the issue saw ±400).
    const toy = [...parseSvg(svg).querySelectorAll('[data-plot-area]')][2];
    const ticks = [...toy.querySelectorAll('.axes text')].map((t) => Number((t.textContent ?? '').replace('−', '-'))).filter(Number.isFinite);
    expect(Math.max(...ticks.map(Math.abs))).toBeLessThan(5);
  });

  it('names what it drew after the sliders: η and the toy start', async () => {
    const { svg } = await renderStatic(edgeOfStability, resolveParams(edgeOfStability, { eta: 0.15, x0: 2.5 }), host);
    expect(JSON.parse(parseSvg(svg).querySelector('g.plot')!.getAttribute('data-drawn-params')!)).toEqual({ eta: 0.15, x0: 2.5 });
    expect(svgTexts(svg)).toContain(`2/η = ${(2 / 0.15).toFixed(1)}`);
  });
});

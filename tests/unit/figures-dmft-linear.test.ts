import { describe, expect, it } from 'vitest';
import { dmftLinear, gammaFromSlider, isSigmoidal } from '../../src/figures/dmftLinear.ts';
import { resolveParams } from '../../src/figures/FigureSpec.ts';
import { renderStatic } from '../../src/figures/renderStatic.ts';
import { runScenario } from '../../src/engine/index.ts';

const host = { run: async (s: Record<string, unknown>) => runScenario(s) };
const data = (params: Record<string, number> = {}) => dmftLinear.compute(resolveParams(dmftLinear, params), host);

describe('dmft-linear figure', () => {
  it('draws DMFT curves that equal lecture 1’s λ-law with λ = 2/γ₀ in the time γ₀t', async () => {
    for (const log10gamma0 of [-1.3, 0, 1.3]) expect((await data({ log10gamma0, log2N: 5 })).maxClosedDeviation).toBeLessThan(1e-8);
  });

  it('marks the closed-form final kernel √(1 + γ₀²|y|²), which the DMFT kernel reaches by the end of the plot', async () => {
    const d = await data();
    expect(d.gamma0).toBe(10);
    expect(d.phiLimit).toBeCloseTo(Math.sqrt(101), 12);
    expect(Math.abs(d.phiYY.at(-1)! - d.phiLimit) / d.phiLimit).toBeLessThan(1e-4);
    d.phiPerp.forEach((v) => expect(Math.abs(v - 1)).toBeLessThan(1e-9));
    expect(dmftLinear.describe(d)).toContain('√(1 + γ₀²‖y‖²) = 10.050');
  });

  it('overlays a finite-width network that lies on the DMFT curve and gets closer as N grows', async () => {
    const narrow = await data({ log2N: 5 });
    const wide = await data({ log2N: 10 });
    expect(wide.netGapF).toBeLessThan(0.02);
    expect(wide.netGapPhiFinal).toBeLessThan(narrow.netGapPhiFinal);
    expect(wide.netGapPhiFinal).toBeLessThan(0.03);
  });

  it('calls the highlighted curve sigmoidal for large γ₀ and near-exponential for small γ₀', async () => {
    expect(isSigmoidal(3, 1)).toBe(true);
    expect(isSigmoidal(2.5, 1)).toBe(false);
    expect(dmftLinear.describe(await data({ log10gamma0: 1 }))).toContain('sigmoidal');
    expect(dmftLinear.describe(await data({ log10gamma0: -1, log2N: 5 }))).toContain('like the lazy exponential');
    expect(gammaFromSlider(-1.3)).toBe(0.0501);
  });

  it('draws finite coordinates inside its frame at every extreme of its sliders', async () => {
    for (const params of [{ log10gamma0: -1.3, log2N: 5 }, { log10gamma0: 1.3, log2N: 10 }, { log10gamma0: -1.3, log2N: 10 }, { log10gamma0: 1.3, log2N: 5 }]) {
      const { svg } = await renderStatic(dmftLinear, resolveParams(dmftLinear, params), host);
      expect(svg).not.toMatch(/NaN|Infinity/);
      for (const m of svg.matchAll(/c[xy]="([-\d.]+)"/g)) {
        const v = Number(m[1]);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(900);
      }
      for (const m of svg.matchAll(/cy="([-\d.]+)"/g)) expect(Number(m[1])).toBeLessThanOrEqual(350);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { earlyWarning } from '../../src/figures/earlyWarning.ts';
import { resolveParams } from '../../src/figures/FigureSpec.ts';
import { renderStatic } from '../../src/figures/renderStatic.ts';
import { runScenario } from '../../src/engine/index.ts';

const host = { run: async (s: Record<string, unknown>) => runScenario(s) };
const data = (params: Record<string, number> = {}) => earlyWarning.compute(resolveParams(earlyWarning, params), host);

describe('early-warning figure', () => {
  it('shows variance and lag-1 autocorrelation trending up before the fold at the default noise', async () => {
    const d = await data();
    expect(d.tauVariance).toBeGreaterThan(0.5);
    expect(d.tauAc1).toBeGreaterThan(0.5);
    expect(d.cTip).not.toBeNull();
    expect(d.cTip!).toBeGreaterThan(d.cFold);
  });

  it('estimates, far from the fold, the Ornstein–Uhlenbeck variance σ²/(2κ) within 30 %', async () => {
    const d = await data({ window: 0.3 });
    // Mid-ramp (c ∈ [−0.4, 0]): the window has filled and κ changes slowly across it.
    const idx = d.c.map((c, k) => [c, k] as const).filter(([c]) => c >= -0.4 && c <= 0).map(([, k]) => k);
    const ratio = idx.reduce((a, k) => a + d.variance[k] / d.varianceTheory[k], 0) / idx.length;
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.3);
  });

  it('tips before the fold when the noise is large (noise-induced, not bifurcation-induced)', async () => {
    const d = await data({ sigma: 0.4 });
    expect(d.cTip).not.toBeNull();
    expect(d.cTip!).toBeLessThan(d.cFold);
  });

  it('draws finite coordinates at every extreme of its controls', async () => {
    const extremes: Record<string, number>[] = [{ sigma: 0.02, window: 0.1, seed: 0 }, { sigma: 0.4, window: 0.5, seed: 9 }, {}];
    for (const params of extremes) {
      const { svg } = await renderStatic(earlyWarning, resolveParams(earlyWarning, params), host);
      expect(svg).not.toMatch(/NaN|Infinity/);
    }
  });
});

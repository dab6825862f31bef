import { describe, expect, it } from 'vitest';
import { grokkingEarlyWarning } from '../../src/figures/grokkingEarlyWarning.ts';
import { resolveParams } from '../../src/figures/FigureSpec.ts';
import { renderStatic, readPrecomputed } from '../../src/figures/renderStatic.ts';
import { rollingStats, runScenario } from '../../src/engine/index.ts';

const host = { run: async (s: Record<string, unknown>) => runScenario(s), precomputed: readPrecomputed };
const data = (params: Record<string, number> = {}) => grokkingEarlyWarning.compute(resolveParams(grokkingEarlyWarning, params), host);

describe('grokking-early-warning figure', () => {
  it('reads the statistics before the step where seed 3 first reaches half test accuracy', async () => {
    const d = await data();
    const grok = await readPrecomputed('modular-addition-grok');
    const acc = grok.series.testAcc as number[];
    expect(acc[d.analysed]).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...acc.slice(0, d.analysed))).toBeLessThan(0.5);
    expect(d.runs[0].seed).toBe(3);
    expect(d.runs[1].seed).toBe(1);
  });

  it('computes the engine helper\'s rolling variance on the log test loss, from the end of memorisation', async () => {
    const d = await data({ window: 20 });
    const grok = await readPrecomputed('modular-addition-grok');
    expect((grok.series.trainAcc as number[])[d.first]).toBeGreaterThanOrEqual(0.99);
    expect((grok.series.trainAcc as number[])[d.first - 1]).toBeLessThan(0.99);
    const logLoss = (grok.series.testLoss as number[]).slice(d.first, d.analysed).map(Math.log10);
    expect(d.runs[0].variance.slice(d.first)).toEqual(rollingStats(logLoss, 20, 'linear').variance);
  });

  it('finds only weak trends in the grokking run over the whole stretch from memorisation to the grok step', async () => {
    // The honest finding stated on the slide: on the log test loss the grokking run's trends are weak (|τ| < 0.4).
    const d = await data();
    expect(Math.abs(d.runs[0].tauVariance)).toBeLessThan(0.4);
    expect(Math.abs(d.runs[0].tauAc1)).toBeLessThan(0.4);
  });

  it('draws finite coordinates for every quantity and the extreme windows', async () => {
    for (const quantity of [0, 1, 2]) for (const window of [10, 60]) {
      const { svg } = await renderStatic(grokkingEarlyWarning, resolveParams(grokkingEarlyWarning, { quantity, window }), host);
      expect(svg).not.toMatch(/NaN|Infinity/);
    }
  });
});

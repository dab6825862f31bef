import { describe, expect, it } from 'vitest';
import { alignmentTime, earlyAlignment, kernelNormRatio, lossHalfTime, silentAlignment } from '../../src/figures/silentAlignment.ts';
import { resolveParams } from '../../src/figures/FigureSpec.ts';
import { renderStatic } from '../../src/figures/renderStatic.ts';
import { runScenario } from '../../src/engine/index.ts';
import { createRng } from '../../src/engine/core/rng.ts';
import { makeData, makeInit, makeTeacher } from '../../src/engine/models/dln/dlnSetup.ts';
import { dlnWorkspace, forwardProducts } from '../../src/engine/models/dln/dlnGradient.ts';
import { dlnNtk } from '../../src/engine/models/dln/dlnObservables.ts';
import { eye } from '../../src/engine/linalg/mat.ts';
import type { DlnScenario } from '../../src/engine/models/dln/dlnSchema.ts';

const host = { run: async (s: Record<string, unknown>) => runScenario(s) };
const data = (params: Record<string, number> = {}) => silentAlignment.compute(resolveParams(silentAlignment, params), host);

describe('silent-alignment figure', () => {
  it('aligns the kernel while the loss and the kernel size have barely moved, then drops the loss much later', async () => {
    const d = await data();
    expect(d.t1).toBeLessThan(d.t2 / 3);
    expect(1 - d.lossAtT1).toBeLessThan(1e-3);
    expect(d.kernelAtT1).toBeLessThan(1e-4);
    // Afterwards the kernel only grows: the alignment is within 0.05 of its final value from t₁ on.
    const aEnd = d.alignment.at(-1)!;
    d.t.forEach((t, k) => { if (t >= d.t1) expect(Math.abs(d.alignment[k] - aEnd)).toBeLessThan(0.05); });
    expect(silentAlignment.describe(d)).toContain(`t₁ = ${d.t1.toFixed(2)}`);
  });

  it('keeps the alignment time fixed across σ₀ while the loss time grows by ln(10)/s per decade of 1/σ₀', async () => {
    for (const s of [1, 2, 4]) {
      const { sweep } = await data({ s });
      const small = sweep.t1.slice(0, 5);
      expect(Math.max(...small) / Math.min(...small)).toBeLessThan(1.01);
      for (let k = 0; k + 1 < 4; k++) expect(sweep.t2[k] - sweep.t2[k + 1]).toBeCloseTo(Math.log(10) / s, 1);
    }
  });

  it('matches the closed-form estimates: t₁ within 10 % and t₂ within 5 % for small starts', async () => {
    for (const s of [0.5, 2, 4]) {
      const d = await data({ s });
      for (let k = 0; k < 5; k++) {
        expect(Math.abs(d.sweep.t1[k] - alignmentTime(s)) / d.sweep.t1[k]).toBeLessThan(0.1);
        expect(Math.abs(d.sweep.t2[k] - d.sweep.t2Closed[k]) / d.sweep.t2[k]).toBeLessThan(0.05);
      }
    }
    // The early-phase alignment runs from 1/√d to 2/√(d + 3); t₁ scales like 1/s and t₂ like ln(1/σ₀²)/(2s).
    expect(earlyAlignment(1)).toBeCloseTo(1 / Math.sqrt(6), 12);
    expect(earlyAlignment(1e9)).toBeCloseTo(2 / 3, 6);
    expect(alignmentTime(1) / alignmentTime(3)).toBeCloseTo(3, 12);
    expect(lossHalfTime(2, -5) - lossHalfTime(2, -4)).toBeCloseTo(Math.log(10) / 2, 4);
  });

  it('ends at the kernel of the learned solution: alignment 2/√(d + 3), norm s√(d + 3), recovered from the engine series', async () => {
    const s = 2;
    const run = runScenario({ model: 'dln', seed: 0, widths: [6, 12, 1], teacher: { singularValues: [s], basis: 'random' }, init: { kind: 'gaussian', sigma: 1e-4 }, optimizer: { kind: 'flow' }, T: 20, records: 200, ntk: true });
    expect((run.series.ntkAlignment as number[]).at(-1)!).toBeCloseTo(2 / 3, 4);
    // ‖K_0‖ from the same seeded start, then ‖K_T‖ = ‖K_0‖ · r(T) must be the final kernel's norm s√(d + 3).
    const sc = run.scenario as unknown as DlnScenario;
    const rng = createRng(sc.seed);
    const teacher = makeTeacher(sc, rng);
    makeData(sc, teacher, rng);
    const Ws = makeInit(sc, teacher, rng);
    const ws = dlnWorkspace(sc.widths);
    forwardProducts(ws, Ws);
    const K0 = dlnNtk(ws, eye(6));
    const norm0 = Math.sqrt(K0.reduce((a, v) => a + v * v, 0));
    const r = kernelNormRatio((run.series.ntkChange as number[]).at(-1)!, (run.series.kernelDistance as number[]).at(-1)!);
    expect((norm0 * r) / (s * 3)).toBeCloseTo(1, 3);
  });

  it('draws finite coordinates and names both regimes at every corner of its controls', async () => {
    for (const params of [{ log10sigma: -6, s: 0.5 }, { log10sigma: -6, s: 4 }, { log10sigma: -1, s: 0.5 }, { log10sigma: -1, s: 4 }]) {
      const p = resolveParams(silentAlignment, params);
      const { svg, description } = await renderStatic(silentAlignment, p, host);
      expect(svg).not.toMatch(/NaN|Infinity/);
      expect(description).toMatch(params.log10sigma === -6 ? /t₁ = .* the loss halves only at t₂ =/ : /no silent phase|t₁ =/);
    }
  });
});

import { z } from 'zod';
import { Recorder } from '../../core/recorder.ts';
import { baseFields, int, num } from '../../core/schemaHelpers.ts';
import type { RunOptions, Trajectory } from '../../core/trajectory.ts';

/**
 * The metric-choice ("mirage") toy (docs/engine-models.md), after Schaeffer, Miranda & Koyejo (2023,
 * arXiv:2304.15004). Per-token accuracy improves as a smooth power law in model size N_θ,
 *   1 − p_tok = c·N_θ^(−a_tok),
 * and an answer of L_ans tokens scores under exact match only if every token is right (errors independent):
 *   exactMatch = p_tok^L_ans,   −ln exactMatch = −L_ans ln(1 − ε) = L_ans(ε + ε²/2 + …) with ε = 1 − p_tok.
 * To first order −ln exactMatch ≈ L_ans·ε = L_ans·c·N_θ^(−a_tok): a power law, a straight line on log–log
 * axes, while exactMatch itself sits near 0 and then rises to 1 over a few decades of N_θ. The expected token
 * edit distance to the target (substitution errors only) is the same linear quantity L_ans·ε. No randomness:
 * the seed is accepted for the common contract and ignored. The axis t is N_θ on a log₁₀-spaced grid.
 * Final: `threshold` N⋆ where exact match = ½, and `thresholdLow`/`thresholdHigh` where it is 0.1 and 0.9, all in
 * closed form (they may lie outside the grid).
 */
export const mirageSchema = z
  .strictObject({
    ...baseFields('mirage'),
    /** Prefactor c of the per-token error 1 − p_tok = c·N_θ^(−aTok). */
    c: num(1e-12, 1e15, 'prefactor c of the per-token error c·N_θ^(−aTok)').default(500),
    /** Exponent a_tok of the per-token error power law. */
    aTok: num(0.01, 3, 'per-token error exponent a_tok').default(0.5),
    /** Answer length L_ans in tokens; exact match needs all of them right. */
    answerLength: int(1, 1000, 'answer length L_ans in tokens').default(20),
    /** log₁₀ of the smallest model size N_θ on the grid. */
    logSizeMin: num(0, 15, 'log₁₀ of the smallest model size').default(6),
    /** log₁₀ of the largest model size N_θ on the grid. */
    logSizeMax: num(0, 15, 'log₁₀ of the largest model size').default(12),
    /** Number of grid points, evenly spaced in log₁₀ N_θ. */
    points: int(2, 5000, 'number of model sizes on the grid').default(121),
  })
  .superRefine((s, ctx) => {
    if (s.logSizeMax <= s.logSizeMin) ctx.addIssue({ code: 'custom', path: ['logSizeMax'], message: `must be > logSizeMin = ${s.logSizeMin}` });
    const worst = s.c * 10 ** (-s.aTok * s.logSizeMin);
    if (!(worst < 1)) {
      ctx.addIssue({ code: 'custom', path: ['c'], message: `gives a per-token error c·N_θ^(−aTok) = ${worst.toPrecision(3)} ≥ 1 at N_θ = 10^${s.logSizeMin}; lower c or raise logSizeMin so that p_tok > 0 on the grid` });
    }
  });
export type MirageScenario = z.infer<typeof mirageSchema>;

/** Model size at which exact match equals q ∈ (0, 1): p_tok = q^(1/L_ans), so N_θ = (c / (1 − q^(1/L_ans)))^(1/a_tok). */
export function mirageSizeAtExactMatch(q: number, c: number, aTok: number, answerLength: number): number {
  const eps = -Math.expm1(Math.log(q) / answerLength);
  return (c / eps) ** (1 / aTok);
}

export function runMirage(s: MirageScenario, opts: RunOptions = {}): Trajectory {
  const rec = new Recorder();
  const L = s.answerLength;
  for (let k = 0; k < s.points; k++) {
    const logN = s.logSizeMin + ((s.logSizeMax - s.logSizeMin) * k) / (s.points - 1);
    const size = 10 ** logN;
    const eps = s.c * 10 ** (-s.aTok * logN);
    const negLog = -L * Math.log1p(-eps);
    rec.record(k, size, {
      perTokenError: eps,
      perTokenAccuracy: 1 - eps,
      exactMatch: Math.exp(-negLog),
      negLogExactMatch: negLog,
      negLogExactMatchFirstOrder: L * eps,
      editDistance: L * eps,
    });
  }
  opts.onProgress?.(1);
  return rec.finish(s, {
    threshold: mirageSizeAtExactMatch(0.5, s.c, s.aTok, L),
    thresholdLow: mirageSizeAtExactMatch(0.1, s.c, s.aTok, L),
    thresholdHigh: mirageSizeAtExactMatch(0.9, s.c, s.aTok, L),
  });
}

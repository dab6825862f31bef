import { z } from 'zod';
import { Recorder, blowUpReason, progressTicker } from '../../core/recorder.ts';
import { createRng } from '../../core/rng.ts';
import { baseFields, int, num } from '../../core/schemaHelpers.ts';
import type { RunOptions, Trajectory } from '../../core/trajectory.ts';
import { rollingStats } from '../../ews/rollingStats.ts';

/**
 * Noisy fold (saddle-node) bifurcation with a slowly ramped parameter:
 *   dx = (r(t) + x − x³/3) dt + σ dW,  r(t) = r0 + (r1 − r0) t/T   (Euler–Maruyama).
 * The lower branch x* < −1 disappears at r = 2/3; its recovery rate |λ| = x*² − 1 → 0 on approach,
 * so rolling variance and lag-1 autocorrelation of x − x* rise before the jump (critical slowing down).
 */
export const foldSchema = z.strictObject({
  ...baseFields('fold'),
  /** Parameter r at t = 0. */
  r0: num(-10, 10, 'initial parameter r').default(-1),
  /** Parameter r at t = T (the fold of the lower branch is at r = 2/3). */
  r1: num(-10, 10, 'final parameter r (the fold is at 2/3)').default(1),
  /** Total time of the ramp. */
  T: num(1, 1e6, 'ramp duration').default(400),
  /** Euler–Maruyama step. */
  dt: num(1e-5, 1, 'time step').default(0.01),
  /** Noise amplitude σ. */
  sigma: num(0, 10, 'noise amplitude').default(0.05),
  /** Record every this many steps (sampling interval Δ = recordEvery·dt). */
  recordEvery: int(1, 100_000, 'steps between records').default(50),
  /** Rolling window (in records) for variance and AC1. */
  window: int(3, 100_000, 'rolling window in records').default(100),
});
export type FoldScenario = z.infer<typeof foldSchema>;

/** Stable equilibrium nearest to x (Newton on r + x − x³/3 = 0 started at x, kept on x's side of ±1). */
export function foldEquilibrium(r: number, x: number): number {
  let z = x < 0 ? Math.min(x, -1.0001) : Math.max(x, 1.0001);
  const lower = z < 0;
  for (let i = 0; i < 60; i++) {
    const f = r + z - (z * z * z) / 3, df = 1 - z * z;
    let next = z - f / df;
    // If the lower branch no longer exists, Newton escapes; fall back to the upper branch.
    if (lower && next > -1) next = 2;
    if (Math.abs(next - z) < 1e-14) return next;
    z = next;
  }
  return z;
}

export function runFold(s: FoldScenario, opts: RunOptions = {}): Trajectory {
  const rng = createRng(s.seed);
  const steps = Math.round(s.T / s.dt);
  const sq = Math.sqrt(s.dt) * s.sigma;
  let x = foldEquilibrium(s.r0, -2);
  const rec = new Recorder();
  const resid: number[] = [];
  const tick = progressTicker(steps, opts.onProgress);
  const delta = s.recordEvery * s.dt;
  let tip = -1;
  for (let k = 0; k <= steps; k++) {
    const t = k * s.dt;
    const r = s.r0 + ((s.r1 - s.r0) * t) / s.T;
    if (k % s.recordEvery === 0) {
      const eq = foldEquilibrium(r, x);
      const lam = 1 - eq * eq; // linearised rate (negative when stable)
      resid.push(x - eq);
      rec.record(k, t, {
        x, r, xEq: eq, eigenvalue: lam,
        // OU predictions around the tracked branch: Var = σ²/(2|λ|), AC1 = e^{λΔ}.
        varianceTheory: lam < 0 ? (s.sigma * s.sigma) / (-2 * lam) : 0,
        ac1Theory: lam < 0 ? Math.exp(lam * delta) : 1,
      });
    }
    if (tip < 0 && x > 0) tip = t;
    if (k === steps) break;
    x += (r + x - (x * x * x) / 3) * s.dt + sq * rng.normal();
    const bad = blowUpReason('x', x, 1e6);
    if (bad) { rec.diverge(k, bad); break; }
    tick(k);
  }
  const ews = rollingStats(resid, s.window, 'linear');
  rec.series.rollingVariance = ews.variance.slice(0, rec.t.length);
  rec.series.rollingAc1 = ews.ac1.slice(0, rec.t.length);
  return rec.finish(s, { tipTime: tip, foldTime: ((2 / 3 - s.r0) / (s.r1 - s.r0)) * s.T, samplingInterval: delta });
}

import { z } from 'zod';
import { Recorder, progressTicker } from '../../core/recorder.ts';
import { createRng } from '../../core/rng.ts';
import { baseFields, int, num } from '../../core/schemaHelpers.ts';
import type { RunOptions, Trajectory } from '../../core/trajectory.ts';

/**
 * Stochastic collapse (Chen, Kunin, Yamamura & Ganguli 2023, arXiv:2306.04251),
 * the quartic-well SDE of their Fig. 1:
 *   dθ = −(θ³ − μθ) dt + ζ θ dW_t    (Euler–Maruyama, θ0 ~ N(0, θ0Std²)).
 * Near 0, ln|θ| drifts at rate μ − ζ²/2 (Itô), so the invariant set θ = 0 attracts iff ζ² > 2μ, even
 * though 0 is a maximum of the potential. Stationary density (ζ² < 2μ): p ∝ |θ|^{2μ/ζ² − 2} e^{−θ²/ζ²}.
 */
export const quarticSdeSchema = z.strictObject({
  ...baseFields('quartic-sde'),
  /** Curvature μ of the double well −(θ³ − μθ). */
  mu: num(-10, 10, 'well parameter μ').default(1.5),
  /** Multiplicative noise strength ζ. */
  zeta: num(0, 10, 'noise strength ζ').default(1),
  /** Final time. */
  T: num(1e-3, 1e4, 'final time').default(25),
  /** Euler–Maruyama steps. */
  steps: int(1, 1_000_000, 'number of steps').default(20_000),
  /** Number of independent paths. */
  paths: int(1, 100_000, 'number of paths').default(400),
  /** Std of the initial θ. */
  theta0Std: num(0, 100, 'initial std').default(2),
  /** Number of records. */
  records: int(1, 5000, 'number of records').default(100),
  /** |θ| below this counts as collapsed. */
  collapseThreshold: num(1e-300, 1, 'collapse threshold').default(1e-3),
});
export type QuarticSdeScenario = z.infer<typeof quarticSdeSchema>;

export function runQuarticSde(s: QuarticSdeScenario, opts: RunOptions = {}): Trajectory {
  const rng = createRng(s.seed);
  const theta = new Float64Array(s.paths);
  for (let i = 0; i < s.paths; i++) theta[i] = s.theta0Std * rng.normal();
  const dt = s.T / s.steps, sq = Math.sqrt(dt);
  const every = Math.max(1, Math.round(s.steps / s.records));
  const rec = new Recorder();
  const tick = progressTicker(s.steps, opts.onProgress);
  const sorted = new Float64Array(s.paths);
  const observe = (k: number) => {
    let collapsed = 0, meanLog = 0;
    for (let i = 0; i < s.paths; i++) {
      const a = Math.abs(theta[i]);
      sorted[i] = a;
      if (a < s.collapseThreshold) collapsed++;
      // Floor at the smallest normal double so ln stays finite for paths that underflowed to 0.
      meanLog += Math.log(Math.max(a, 2.2250738585072014e-308));
    }
    sorted.sort();
    return rec.record(k, k * dt, {
      collapsedFraction: collapsed / s.paths,
      medianAbsTheta: sorted[Math.floor(s.paths / 2)],
      meanLogAbsTheta: meanLog / s.paths,
    });
  };
  for (let k = 0; k <= s.steps; k++) {
    if (k % every === 0 || k === s.steps) if (!observe(k)) break;
    if (k === s.steps) break;
    for (let i = 0; i < s.paths; i++) {
      const t = theta[i];
      theta[i] = t - (t * t * t - s.mu * t) * dt + s.zeta * t * sq * rng.normal();
    }
    tick(k);
  }
  const last = (key: string) => (rec.series[key] as number[] | undefined)?.at(-1) ?? NaN;
  return rec.finish(s, {
    collapsedFraction: last('collapsedFraction'),
    driftOfLogNearZero: s.mu - (s.zeta * s.zeta) / 2,
    finalTheta: theta,
  });
}

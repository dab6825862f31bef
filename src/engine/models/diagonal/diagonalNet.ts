import { z } from 'zod';
import { Recorder, blowUpReason, progressTicker } from '../../core/recorder.ts';
import { createRng, permutation } from '../../core/rng.ts';
import { baseFields, int, num } from '../../core/schemaHelpers.ts';
import type { RunOptions, Trajectory } from '../../core/trajectory.ts';
import { mat } from '../../linalg/mat.ts';
import { diagonalOracle, minL2Interpolator } from './diagonalOracle.ts';
import { saddleSequence } from './saddleSequence.ts';

/**
 * Two-layer diagonal linear network β = u⊙u − v⊙v on sparse regression with n < d, from u = v = α·1
 * (Woodworth et al. 2020, arXiv:2002.09277; Pesme, Pillaud-Vivien & Flammarion 2021, arXiv:2106.09524;
 * Pesme & Flammarion 2023, arXiv:2304.00488). Large α: kernel regime, min-ℓ2 interpolator.
 * Small α: rich regime, near min-ℓ1, coordinates switch on one by one. Under GD/SGD the product
 * u_i v_i is multiplied by (1 − 4η²g_i²) each step, so noise shrinks the effective α.
 */
export const diagonalSchema = z
  .strictObject({
    ...baseFields('diagonal'),
    /** Number of training samples n (< d for an underdetermined problem). */
    n: int(1, 500, 'number of samples').default(20),
    /** Dimension d. */
    d: int(1, 2000, 'dimension').default(40),
    /** Number of non-zero entries of β* (each ±1). */
    sparsity: int(1, 2000, 'non-zeros of the teacher β*').default(3),
    /** Std of label noise in the dataset. */
    noise: num(0, 10, 'label noise std').default(0),
    /** Initialisation scale α (u = v = α). */
    alpha: num(1e-12, 100, 'init scale α').default(0.1),
    /** Full-batch GD or minibatch SGD (sampling without replacement within epochs). */
    optimizer: z.enum(['gd', 'sgd']).default('gd').describe('"gd" (full batch) or "sgd" (minibatch)'),
    /** Learning rate; time is t = step·η. */
    eta: num(1e-7, 10, 'learning rate').default(0.01),
    /** Minibatch size for SGD. */
    batchSize: int(1, 500, 'SGD minibatch size').default(1),
    /** Final time t = steps·η. */
    T: num(1e-6, 1e7, 'final time').default(100),
    /** Number of records. */
    records: int(1, 20_000, 'number of records').default(200),
    /** Also solve for Woodworth et al.'s oracle β_Q(α) (damped Newton). */
    oracle: z.boolean().default(true).describe('true to compute β_Q(α)'),
  })
  .superRefine((s, ctx) => {
    if (s.sparsity > s.d) ctx.addIssue({ code: 'custom', path: ['sparsity'], message: `must be ≤ d = ${s.d}` });
    if (s.batchSize > s.n) ctx.addIssue({ code: 'custom', path: ['batchSize'], message: `must be ≤ n = ${s.n}` });
  });
export type DiagonalScenario = z.infer<typeof diagonalSchema>;

export function diagonalProblem(s: DiagonalScenario) {
  const rng = createRng(s.seed);
  const X = mat(s.n, s.d);
  for (let i = 0; i < X.data.length; i++) X.data[i] = rng.normal();
  const betaStar = new Float64Array(s.d);
  const perm = permutation(rng, s.d);
  for (let j = 0; j < s.sparsity; j++) betaStar[perm[j]] = rng.uniform() < 0.5 ? -1 : 1;
  const y = new Float64Array(s.n);
  for (let i = 0; i < s.n; i++) {
    let acc = 0;
    for (let k = 0; k < s.d; k++) acc += X.data[i * s.d + k] * betaStar[k];
    y[i] = acc + s.noise * rng.normal();
  }
  return { rng, X, y, betaStar };
}

/** Train loss (1/2n)‖Xβ − y‖² and its gradient g = Xᵀ(Xβ − y)/n, optionally on a subset of rows. */
export function diagonalLossGrad(X: Float64Array, y: Float64Array, d: number, beta: Float64Array, rows: ArrayLike<number> | null, g: Float64Array | null): number {
  const m = rows ? rows.length : y.length;
  if (g) g.fill(0);
  let loss = 0;
  // Four samples per pass share the loads of β and g and give four independent addition chains, where
  // one sample's residual is a single chain bound by the adder's latency; each sum still runs in the
  // plain order, sample by sample, so the result is bit-identical to one sample at a time. One division
  // per sample, not per coordinate: a division costs several multiplications.
  let b = 0;
  for (; b + 3 < m; b += 4) {
    const i0 = rows ? rows[b] : b, i1 = rows ? rows[b + 1] : b + 1, i2 = rows ? rows[b + 2] : b + 2, i3 = rows ? rows[b + 3] : b + 3;
    const row0 = i0 * d, row1 = i1 * d, row2 = i2 * d, row3 = i3 * d;
    let r0 = -y[i0], r1 = -y[i1], r2 = -y[i2], r3 = -y[i3];
    for (let k = 0; k < d; k++) {
      const bk = beta[k];
      r0 += X[row0 + k] * bk; r1 += X[row1 + k] * bk; r2 += X[row2 + k] * bk; r3 += X[row3 + k] * bk;
    }
    loss += r0 * r0;
    loss += r1 * r1;
    loss += r2 * r2;
    loss += r3 * r3;
    if (g) {
      const q0 = r0 / m, q1 = r1 / m, q2 = r2 / m, q3 = r3 / m;
      for (let k = 0; k < d; k++) g[k] = g[k] + X[row0 + k] * q0 + X[row1 + k] * q1 + X[row2 + k] * q2 + X[row3 + k] * q3;
    }
  }
  for (; b + 1 < m; b += 2) {
    const i0 = rows ? rows[b] : b, i1 = rows ? rows[b + 1] : b + 1;
    const row0 = i0 * d, row1 = i1 * d;
    let r0 = -y[i0], r1 = -y[i1];
    for (let k = 0; k < d; k++) { const bk = beta[k]; r0 += X[row0 + k] * bk; r1 += X[row1 + k] * bk; }
    loss += r0 * r0;
    loss += r1 * r1;
    if (g) { const q0 = r0 / m, q1 = r1 / m; for (let k = 0; k < d; k++) g[k] = g[k] + X[row0 + k] * q0 + X[row1 + k] * q1; }
  }
  for (; b < m; b++) {
    const i = rows ? rows[b] : b;
    const row = i * d;
    let r = -y[i];
    for (let k = 0; k < d; k++) r += X[row + k] * beta[k];
    loss += r * r;
    if (g) { const q = r / m; for (let k = 0; k < d; k++) g[k] += X[row + k] * q; }
  }
  return loss / (2 * m);
}

export function runDiagonal(s: DiagonalScenario, opts: RunOptions = {}): Trajectory {
  const { rng, X, y, betaStar } = diagonalProblem(s);
  const d = s.d;
  const u = new Float64Array(d).fill(s.alpha), v = new Float64Array(d).fill(s.alpha);
  const beta = new Float64Array(d), g = new Float64Array(d);
  const steps = Math.max(1, Math.round(s.T / s.eta));
  const every = Math.max(1, Math.round(steps / s.records));
  const batch = new Int32Array(s.batchSize);
  let perm = permutation(rng, s.n), cursor = 0;
  const rec = new Recorder();
  const tick = progressTicker(steps, opts.onProgress);
  const a2 = s.alpha * s.alpha;
  for (let step = 0; step <= steps; step++) {
    for (let k = 0; k < d; k++) beta[k] = u[k] * u[k] - v[k] * v[k];
    if (step % every === 0 || step === steps) {
      let l1 = 0, l2 = 0, test = 0, inv = Infinity;
      for (let k = 0; k < d; k++) {
        l1 += Math.abs(beta[k]);
        l2 += beta[k] * beta[k];
        test += (beta[k] - betaStar[k]) ** 2;
        inv = Math.min(inv, (u[k] * v[k]) / a2);
      }
      const ok = rec.record(step, step * s.eta, {
        beta, l1, l2: Math.sqrt(l2),
        trainLoss: diagonalLossGrad(X.data, y, d, beta, null, null),
        // Population test loss for x ~ N(0, I): ½‖β − β*‖² (noise-free).
        testLoss: 0.5 * test,
        invariantMin: inv,
      });
      if (!ok) break;
    }
    if (step === steps) break;
    let rows: Int32Array | null = null;
    if (s.optimizer === 'sgd') {
      for (let b = 0; b < s.batchSize; b++) {
        if (cursor >= s.n) { perm = permutation(rng, s.n); cursor = 0; }
        batch[b] = perm[cursor++];
      }
      rows = batch;
    }
    const loss = diagonalLossGrad(X.data, y, d, beta, rows, g);
    const bad = blowUpReason('train loss', loss, 1e12);
    if (bad) { rec.diverge(step, bad); break; }
    for (let k = 0; k < d; k++) {
      u[k] -= 2 * s.eta * u[k] * g[k];
      v[k] += 2 * s.eta * v[k] * g[k];
    }
    tick(step);
  }
  const minL2 = minL2Interpolator(X, y);
  const dist = (a: Float64Array, b: Float64Array) => {
    let num = 0, den = 0;
    for (let k = 0; k < d; k++) { num += (a[k] - b[k]) ** 2; den += b[k] * b[k]; }
    return Math.sqrt(num / den);
  };
  const final: Record<string, number | Float64Array> = {
    beta, betaStar, betaMinL2: minL2, relDistToMinL2: dist(beta, minL2), relDistToStar: dist(beta, betaStar),
    l1: beta.reduce((a, b) => a + Math.abs(b), 0), l1MinL2: minL2.reduce((a, b) => a + Math.abs(b), 0),
  };
  // α → 0 limit (Pesme & Flammarion 2023): jump times in t̃ = t/ln(1/α) and the coordinate added at each.
  const jumps = saddleSequence(X, y);
  final.saddleJumpTimes = Float64Array.from(jumps, (j) => j.time);
  final.saddleJumpCoordinates = Float64Array.from(jumps, (j) => j.coordinate);
  final.logInvAlpha = Math.log(1 / s.alpha);
  if (s.oracle) {
    const oracle = diagonalOracle(X, y, s.alpha);
    final.betaOracle = oracle;
    final.relDistToOracle = dist(beta, oracle);
  }
  return rec.finish(s, final);
}

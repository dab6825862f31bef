import { z } from 'zod';
import { Recorder, blowUpReason, progressTicker } from '../../core/recorder.ts';
import { createRng } from '../../core/rng.ts';
import { baseFields, int, num } from '../../core/schemaHelpers.ts';
import type { RunOptions, Trajectory } from '../../core/trajectory.ts';
import { mat } from '../../linalg/mat.ts';
import { solve } from '../../linalg/solve.ts';
import { kernelChange } from '../dln/dlnObservables.ts';

/**
 * Lazy training by output scaling (Chizat, Oyallon & Bach 2019, arXiv:1812.07956):
 * a two-layer tanh net f(x) = aᵀ tanh(wx + b)/√m, centred and scaled, trained by GD on
 *   (1/(2α²n)) Σ_μ (α(f(x_μ) − f₀(x_μ)) − y_μ)²
 * with a fixed learning rate. Over a fixed horizon ‖θ − θ₀‖ = O(1/α) and the NTK moves by O(1/α), so
 * large α tracks kernel regression with the initial tangent kernel.
 */
export const lazySchema = z.strictObject({
  ...baseFields('lazy-scaling'),
  /** Hidden width m. */
  width: int(1, 2000, 'hidden width').default(100),
  /** Number of training points, evenly spaced in [−1, 1]. */
  nPoints: int(2, 200, 'training points').default(10),
  /** Target sin(k x). */
  frequency: num(0, 20, 'target frequency k in sin(kx)').default(3),
  /** Output scale α (large: lazy). */
  alpha: num(1e-3, 1e4, 'output scale α').default(1),
  /** Learning rate η (fixed across α: the 1/α² in the objective keeps function-space speed constant). */
  eta: num(1e-5, 10, 'learning rate').default(0.5),
  /** Number of GD steps; time is t = step·η. */
  steps: int(1, 1_000_000, 'number of GD steps').default(2000),
  /** Record every this many steps (the NTK is recomputed at each record). */
  recordEvery: int(1, 100_000, 'steps between records').default(20),
  /** Points of the evaluation grid in [−1, 1] for the prediction series. */
  gridPoints: int(2, 400, 'evaluation grid size').default(41),
});
export type LazyScenario = z.infer<typeof lazySchema>;

/** Network outputs and Jacobian rows (∂f/∂(a, w, b)) at the inputs xs, for θ = [a | w | b]. */
export function tanhNet(theta: Float64Array, m: number, xs: ArrayLike<number>, f: Float64Array, J: Float64Array | null): void {
  const s = 1 / Math.sqrt(m);
  for (let mu = 0; mu < xs.length; mu++) {
    const x = xs[mu];
    let out = 0;
    for (let j = 0; j < m; j++) {
      const a = theta[j], w = theta[m + j], b = theta[2 * m + j];
      const t = Math.tanh(w * x + b);
      out += a * t;
      if (J) {
        const row = mu * 3 * m, dt = a * (1 - t * t) * s;
        J[row + j] = t * s;
        J[row + m + j] = dt * x;
        J[row + 2 * m + j] = dt;
      }
    }
    f[mu] = out * s;
  }
}

function gram(J: Float64Array, n: number, p: number): Float64Array {
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) {
    let s = 0;
    for (let k = 0; k < p; k++) s += J[i * p + k] * J[j * p + k];
    K[i * n + j] = K[j * n + i] = s;
  }
  return K;
}

export function runLazy(s: LazyScenario, opts: RunOptions = {}): Trajectory {
  const rng = createRng(s.seed);
  const { width: m, nPoints: n, alpha } = s;
  const p = 3 * m;
  const xs = Float64Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
  const ys = xs.map((x) => Math.sin(s.frequency * x));
  const grid = Float64Array.from({ length: s.gridPoints }, (_, i) => -1 + (2 * i) / (s.gridPoints - 1));
  const theta = new Float64Array(p);
  for (let i = 0; i < p; i++) theta[i] = rng.normal();
  const theta0 = theta.slice();
  const f = new Float64Array(n), f0 = new Float64Array(n), J = new Float64Array(n * p), grad = new Float64Array(p);
  const fg = new Float64Array(s.gridPoints), fg0 = new Float64Array(s.gridPoints);
  tanhNet(theta, m, xs, f0, J);
  tanhNet(theta, m, grid, fg0, null);
  const K0 = gram(J, n, p);
  const J0 = J.slice();
  let norm0 = 0;
  for (const v of theta0) norm0 += v * v;
  norm0 = Math.sqrt(norm0);
  const rec = new Recorder();
  const tick = progressTicker(s.steps, opts.onProgress);
  for (let k = 0; k <= s.steps; k++) {
    tanhNet(theta, m, xs, f, J);
    let loss = 0;
    grad.fill(0);
    for (let mu = 0; mu < n; mu++) {
      const r = alpha * (f[mu] - f0[mu]) - ys[mu];
      loss += r * r;
      // ∂/∂θ of (1/(2α²n)) r² = r α ∂f/∂θ / (α² n) = r ∂f/∂θ / (α n).
      const c = r / (alpha * n);
      for (let q = 0; q < p; q++) grad[q] += c * J[mu * p + q];
    }
    loss /= 2 * alpha * alpha * n;
    const bad = blowUpReason('loss', loss, 1e12);
    if (bad) { rec.diverge(k, bad); break; }
    if (k % s.recordEvery === 0 || k === s.steps) {
      const ch = kernelChange(K0, gram(J, n, p));
      let dw = 0;
      for (let q = 0; q < p; q++) dw += (theta[q] - theta0[q]) ** 2;
      tanhNet(theta, m, grid, fg, null);
      const ok = rec.record(k, k * s.eta, {
        loss,
        // Mean squared error of the scaled, centred predictor: (1/n)Σ r², i.e. the objective × 2α².
        mse: 2 * alpha * alpha * loss,
        relWeightChange: Math.sqrt(dw) / norm0,
        relKernelChange: ch.relative,
        alphaTimesRelKernelChange: alpha * ch.relative,
        kernelDistance: ch.distance,
        prediction: fg.map((v, i) => alpha * (v - fg0[i])),
      });
      if (!ok) break;
    }
    if (k === s.steps) break;
    for (let q = 0; q < p; q++) theta[q] -= s.eta * grad[q];
    tick(k);
  }
  // Lazy limit: kernel regression with the initial tangent kernel, K0(x, X) K0(X, X)⁻¹ y, on the grid.
  const Jg = new Float64Array(s.gridPoints * p);
  tanhNet(theta0, m, grid, new Float64Array(s.gridPoints), Jg);
  const c = solve(mat(n, n, K0.map((v, i) => v + (i % (n + 1) === 0 ? 1e-10 : 0))), ys);
  const kernelPrediction = new Float64Array(s.gridPoints);
  for (let g = 0; g < s.gridPoints; g++) for (let mu = 0; mu < n; mu++) {
    let kx = 0;
    for (let q = 0; q < p; q++) kx += Jg[g * p + q] * J0[mu * p + q];
    kernelPrediction[g] += kx * c[mu];
  }
  return rec.finish(s, { grid, kernelPrediction, targetOnGrid: grid.map((x) => Math.sin(s.frequency * x)) });
}

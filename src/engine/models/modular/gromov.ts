import { z } from 'zod';
import { Recorder } from '../../core/recorder.ts';
import { createRng, type Rng } from '../../core/rng.ts';
import { baseFields, int } from '../../core/schemaHelpers.ts';
import type { Trajectory } from '../../core/trajectory.ts';

/**
 * Gromov's (2023, arXiv:2301.02679) analytic solution of modular addition by a quadratic MLP
 * f(x) = (1/N) W2 (W1 x)², x = onehot(a) ⊕ onehot(b):
 *   W1[k] = [cos(2πσ_k n/p + φ1_k)]_n ⊕ [cos(2πσ_k n/p + φ2_k)]_n,  W2[q, k] = cos(−2πσ_k q/p − φ1_k − φ2_k),
 * random frequencies σ_k and phases. The cross term of the square yields cos(2πσ_k(a + b − q)/p),
 * which peaks at q = (a + b) mod p — a forward-pass check that the architecture represents the task.
 */
export const gromovSchema = z.strictObject({
  ...baseFields('gromov-modular'),
  /** Modulus p. */
  p: int(2, 257, 'modulus p').default(23),
  /** Hidden width N (more neurons average out the random-phase terms). */
  N: int(1, 20_000, 'hidden width N').default(200),
});
export type GromovScenario = z.infer<typeof gromovSchema>;

export function gromovWeights(p: number, N: number, rng: Rng): { W1: Float64Array; W2: Float64Array } {
  const W1 = new Float64Array(N * 2 * p), W2 = new Float64Array(p * N);
  for (let k = 0; k < N; k++) {
    const sigma = 1 + rng.int(p - 1);
    const f1 = 2 * Math.PI * rng.uniform(), f2 = 2 * Math.PI * rng.uniform();
    for (let n = 0; n < p; n++) {
      W1[k * 2 * p + n] = Math.cos((2 * Math.PI * sigma * n) / p + f1);
      W1[k * 2 * p + p + n] = Math.cos((2 * Math.PI * sigma * n) / p + f2);
    }
    for (let q = 0; q < p; q++) W2[q * N + k] = Math.cos((-2 * Math.PI * sigma * q) / p - f1 - f2);
  }
  return { W1, W2 };
}

/** Fraction of all p² pairs whose argmax output equals (a + b) mod p. */
export function gromovAccuracy(p: number, N: number, W1: Float64Array, W2: Float64Array): number {
  const h = new Float64Array(N);
  let correct = 0;
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) {
    for (let k = 0; k < N; k++) {
      const z = W1[k * 2 * p + a] + W1[k * 2 * p + p + b]; // gather instead of a one-hot matmul
      h[k] = z * z;
    }
    let best = -Infinity, arg = -1;
    for (let q = 0; q < p; q++) {
      let s = 0;
      for (let k = 0; k < N; k++) s += W2[q * N + k] * h[k];
      if (s > best) { best = s; arg = q; }
    }
    if (arg === (a + b) % p) correct++;
  }
  return correct / (p * p);
}

export function runGromov(s: GromovScenario): Trajectory {
  const { W1, W2 } = gromovWeights(s.p, s.N, createRng(s.seed));
  const accuracy = gromovAccuracy(s.p, s.N, W1, W2);
  const rec = new Recorder();
  rec.record(0, 0, { accuracy });
  return rec.finish(s, { accuracy });
}

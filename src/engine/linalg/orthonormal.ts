import type { Rng } from '../core/rng.ts';
import { mat, type Mat } from './mat.ts';

/**
 * A random n×k matrix with orthonormal columns (k ≤ n): Gaussian columns orthonormalised by
 * modified Gram–Schmidt twice ("twice is enough" keeps orthogonality at machine precision).
 * The distribution is Haar up to column signs, which is all the teacher bases need.
 */
export function randomOrthonormal(rng: Rng, n: number, k: number): Mat {
  if (k > n) throw new Error(`randomOrthonormal: k=${k} > n=${n}`);
  const Q = mat(n, k);
  const q = Q.data;
  for (let i = 0; i < n * k; i++) q[i] = rng.normal();
  for (let j = 0; j < k; j++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let p = 0; p < j; p++) {
        let d = 0;
        for (let i = 0; i < n; i++) d += q[i * k + p] * q[i * k + j];
        for (let i = 0; i < n; i++) q[i * k + j] -= d * q[i * k + p];
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += q[i * k + j] * q[i * k + j];
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) q[i * k + j] /= norm;
  }
  return Q;
}

/** The first k columns of the n×n identity. */
export function identityColumns(n: number, k: number): Mat {
  const Q = mat(n, k);
  for (let j = 0; j < k; j++) Q.data[j * k + j] = 1;
  return Q;
}

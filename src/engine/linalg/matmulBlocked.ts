import type { Mat } from './mat.ts';

/**
 * out = A·Bᵀ with a 2×4 register-blocked dot-product kernel: each pass keeps 8 accumulators and
 * loads 2 + 4 operands per 8 multiply-adds, which is what lets V8 reach ≈3 GFLOP/s without SIMD
 * (docs/benchmarks.md). The summation order over k is the plain left-to-right order, so results are
 * bit-identical to matmulNTInto.
 */
export function matmulNTBlockedInto(out: Mat, a: Mat, b: Mat): Mat {
  const n = a.rows, k = a.cols, m = b.rows;
  if (b.cols !== k || out.rows !== n || out.cols !== m) throw new Error('matmulNTBlocked shape');
  const A = a.data, B = b.data, C = out.data;
  const n2 = n - (n % 2), m4 = m - (m % 4);
  for (let i = 0; i < n2; i += 2) {
    const a0 = i * k, a1 = a0 + k;
    for (let j = 0; j < m4; j += 4) {
      const b0 = j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      for (let p = 0; p < k; p++) {
        const x0 = A[a0 + p], x1 = A[a1 + p];
        const y0 = B[b0 + p], y1 = B[b1 + p], y2 = B[b2 + p], y3 = B[b3 + p];
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
      }
      const r0 = i * m + j, r1 = r0 + m;
      C[r0] = c00; C[r0 + 1] = c01; C[r0 + 2] = c02; C[r0 + 3] = c03;
      C[r1] = c10; C[r1 + 1] = c11; C[r1 + 2] = c12; C[r1 + 3] = c13;
    }
    for (let j = m4; j < m; j++) {
      const bj = j * k;
      let c0 = 0, c1 = 0;
      for (let p = 0; p < k; p++) { c0 += A[a0 + p] * B[bj + p]; c1 += A[a1 + p] * B[bj + p]; }
      C[i * m + j] = c0;
      C[(i + 1) * m + j] = c1;
    }
  }
  for (let i = n2; i < n; i++) {
    const ai = i * k;
    for (let j = 0; j < m; j++) {
      const bj = j * k;
      let c = 0;
      for (let p = 0; p < k; p++) c += A[ai + p] * B[bj + p];
      C[i * m + j] = c;
    }
  }
  return out;
}

/** out = Aᵀ into a preallocated matrix (cheap next to the O(n³) products it enables). */
export function transposeInto(out: Mat, a: Mat): Mat {
  const r = a.rows, c = a.cols, A = a.data, O = out.data;
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) O[j * r + i] = A[i * c + j];
  return out;
}

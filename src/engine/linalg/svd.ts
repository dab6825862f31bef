import { mat, type Mat } from './mat.ts';

/**
 * Thin SVD A = U diag(s) Vᵀ of a small matrix by one-sided (Hestenes) Jacobi.
 * Chosen over eig(AᵀA) because it keeps small singular values accurate to relative precision,
 * which matters when a plateau mode sits at 1e-6 next to a learned mode at 3.
 * Singular values are returned in descending order; U is rows×k, V is cols×k with k = min(rows, cols).
 */
export function svd(a: Mat, maxSweeps = 60): { s: Float64Array; U: Mat; V: Mat } {
  const transposed = a.rows < a.cols;
  const m = transposed ? a.cols : a.rows;
  const n = transposed ? a.rows : a.cols;
  // Work on columns of B (m×n, m ≥ n) stored column-major for contiguous column access.
  const B = new Float64Array(m * n);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      const v = a.data[i * a.cols + j];
      if (transposed) B[i * m + j] = v;
      else B[j * m + i] = v;
    }
  }
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let rotated = false;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0, beta = 0, gamma = 0;
        for (let k = 0; k < m; k++) {
          const bp = B[p * m + k], bq = B[q * m + k];
          alpha += bp * bp;
          beta += bq * bq;
          gamma += bp * bq;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t), s = c * t;
        for (let k = 0; k < m; k++) {
          const bp = B[p * m + k], bq = B[q * m + k];
          B[p * m + k] = c * bp - s * bq;
          B[q * m + k] = s * bp + c * bq;
        }
        for (let k = 0; k < n; k++) {
          const vp = V[p * n + k], vq = V[q * n + k];
          V[p * n + k] = c * vp - s * vq;
          V[q * n + k] = s * vp + c * vq;
        }
      }
    }
    if (!rotated) break;
  }
  const norms = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < m; k++) s += B[j * m + k] * B[j * m + k];
    norms[j] = Math.sqrt(s);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => norms[j] - norms[i]);
  const s = new Float64Array(n);
  const Ul = mat(m, n), Vl = mat(n, n);
  order.forEach((src, dst) => {
    s[dst] = norms[src];
    for (let k = 0; k < m; k++) Ul.data[k * n + dst] = norms[src] > 0 ? B[src * m + k] / norms[src] : 0;
    for (let k = 0; k < n; k++) Vl.data[k * n + dst] = V[src * n + k];
  });
  return transposed ? { s, U: Vl, V: Ul } : { s, U: Ul, V: Vl };
}

export function singularValues(a: Mat): Float64Array {
  return svd(a).s;
}

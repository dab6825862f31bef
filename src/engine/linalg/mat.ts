/**
 * Dense row-major matrices on Float64Array. The engine's models are small (≤ a few hundred rows), so
 * plain loops in a fixed order are fast enough and, crucially, bit-reproducible across runs.
 * Every "Into" function writes into a caller-owned output so step loops never allocate.
 */
export interface Mat {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function mat(rows: number, cols: number, data?: Float64Array): Mat {
  return { rows, cols, data: data ?? new Float64Array(rows * cols) };
}

export function eye(n: number): Mat {
  const m = mat(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

export function fromRows(rows: number[][]): Mat {
  const r = rows.length;
  const c = r ? rows[0].length : 0;
  const m = mat(r, c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) m.data[i * c + j] = rows[i][j];
  return m;
}

export function toRows(m: Mat): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

export function clone(m: Mat): Mat {
  return mat(m.rows, m.cols, m.data.slice());
}

/** out = A·B. out must not alias A or B. */
export function matmulInto(out: Mat, a: Mat, b: Mat): Mat {
  const n = a.rows, k = a.cols, m = b.cols;
  if (b.rows !== k || out.rows !== n || out.cols !== m) throw new Error(`matmul shape ${n}x${k} · ${b.rows}x${m}`);
  const A = a.data, B = b.data, C = out.data;
  C.fill(0, 0, n * m);
  // i-k-j order streams rows of B and C contiguously.
  for (let i = 0; i < n; i++) {
    const ci = i * m;
    for (let p = 0; p < k; p++) {
      const aip = A[i * k + p];
      if (aip === 0) continue;
      const bp = p * m;
      for (let j = 0; j < m; j++) C[ci + j] += aip * B[bp + j];
    }
  }
  return out;
}

/** out = Aᵀ·B. */
export function matmulTNInto(out: Mat, a: Mat, b: Mat): Mat {
  const k = a.rows, n = a.cols, m = b.cols;
  if (b.rows !== k || out.rows !== n || out.cols !== m) throw new Error(`matmulTN shape`);
  const A = a.data, B = b.data, C = out.data;
  C.fill(0, 0, n * m);
  for (let p = 0; p < k; p++) {
    const bp = p * m;
    for (let i = 0; i < n; i++) {
      const api = A[p * n + i];
      if (api === 0) continue;
      const ci = i * m;
      for (let j = 0; j < m; j++) C[ci + j] += api * B[bp + j];
    }
  }
  return out;
}

/** out = A·Bᵀ (dot products of rows, the cache-friendly layout for C = A Bᵀ). */
export function matmulNTInto(out: Mat, a: Mat, b: Mat): Mat {
  const n = a.rows, k = a.cols, m = b.rows;
  if (b.cols !== k || out.rows !== n || out.cols !== m) throw new Error(`matmulNT shape`);
  const A = a.data, B = b.data, C = out.data;
  for (let i = 0; i < n; i++) {
    const ai = i * k;
    for (let j = 0; j < m; j++) {
      const bj = j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += A[ai + p] * B[bj + p];
      C[i * m + j] = s;
    }
  }
  return out;
}

export function matmul(a: Mat, b: Mat): Mat {
  return matmulInto(mat(a.rows, b.cols), a, b);
}

export function transpose(a: Mat): Mat {
  const out = mat(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j];
  return out;
}

export function frobenius(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}

export function frobeniusDiff(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    s += d * d;
  }
  return Math.sqrt(s);
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** True if every entry is finite (used by divergence checks). */
export function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

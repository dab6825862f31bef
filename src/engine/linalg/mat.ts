/**
 * Dense row-major matrices on Float64Array. The engine's models are small (≤ a few hundred rows), so
 * plain loops in a fixed order are fast enough and, crucially, bit-reproducible across runs.
 * Every "Into" function writes into a caller-owned output so step loops never allocate.
 */
import { matmulNTBlockedInto } from './matmulBlocked.ts';
import { matmulWasmInto } from './matmulWasm.ts';

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

// Scratch matrices for the transposes below; they only grow, so steady-state steps do not allocate.
const scratchA: Mat = { rows: 0, cols: 0, data: new Float64Array(0) };
const scratchB: Mat = { rows: 0, cols: 0, data: new Float64Array(0) };
function transposeToScratch(s: Mat, a: Mat): Mat {
  const r = a.rows, c = a.cols;
  if (s.data.length < r * c) s.data = new Float64Array(Math.max(r * c, 2 * s.data.length));
  s.rows = c;
  s.cols = r;
  const A = a.data, O = s.data;
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) O[j * r + i] = A[i * c + j];
  return s;
}

/**
 * Products of at least WASM_MIN_MACS multiply-adds run in the WebAssembly SIMD kernel (matmulWasm.ts);
 * smaller ones, or all of them where WebAssembly SIMD is missing, go through the scalar kernel
 * C = A·Bᵀ (matmulNTBlockedInto) after transposing operands into scratch space. Both compute every
 * entry as the sum over k in increasing order starting from 0, with separate multiplies and adds, so
 * all paths are bit-identical to naive loops in that order. out must not alias A or B.
 */
export const WASM_MIN_MACS = 512;

export function matmulInto(out: Mat, a: Mat, b: Mat): Mat {
  if (b.rows !== a.cols || out.rows !== a.rows || out.cols !== b.cols) throw new Error(`matmul shape ${a.rows}x${a.cols} · ${b.rows}x${b.cols}`);
  if (a.rows * a.cols * b.cols >= WASM_MIN_MACS && matmulWasmInto(out, a, b, false, false)) return out;
  return matmulNTBlockedInto(out, a, transposeToScratch(scratchB, b));
}

/** out = Aᵀ·B. */
export function matmulTNInto(out: Mat, a: Mat, b: Mat): Mat {
  if (b.rows !== a.rows || out.rows !== a.cols || out.cols !== b.cols) throw new Error('matmulTN shape');
  if (a.cols * a.rows * b.cols >= WASM_MIN_MACS && matmulWasmInto(out, a, b, true, false)) return out;
  return matmulNTBlockedInto(out, transposeToScratch(scratchA, a), transposeToScratch(scratchB, b));
}

/** out = A·Bᵀ. */
export function matmulNTInto(out: Mat, a: Mat, b: Mat): Mat {
  if (b.cols !== a.cols || out.rows !== a.rows || out.cols !== b.rows) throw new Error('matmulNT shape');
  if (a.rows * a.cols * b.rows >= WASM_MIN_MACS && matmulWasmInto(out, a, b, false, true)) return out;
  return matmulNTBlockedInto(out, a, b);
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

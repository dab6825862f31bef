import type { Mat } from './mat.ts';
import { wasmKernels } from './wasmKernels.ts';

/**
 * out = op(a)·op(b) in the WebAssembly SIMD kernel (op(x) = xᵀ when the flag is set): 2–3× faster than
 * the scalar kernel on the engine's shapes, and bit-identical to it. Operands are copied into the
 * kernels' memory as they are (a transposed A is read in place through strides); only a transposed B
 * is rearranged. Each operand is followed by zeroed slack that the kernel's edge blocks may read or
 * write (see kernels.wat). The result is left at the returned offset (in doubles) of the heap, where
 * callers may post-process it before copying it out.
 */
export function matmulInWasm(out: Mat, a: Mat, b: Mat, transA: boolean, transB: boolean): number | null {
  const kn = wasmKernels();
  if (!kn) return null;
  const n = out.rows, m = out.cols, k = transA ? a.rows : a.cols;
  const n4 = (n + 3) & ~3;
  // A (n×k, or k×n when transposed) + slack for 3 extra rows; B (k×m) + 4; C (n4×m) + 4.
  const lenA = n * k, slackA = transA ? 4 : 3 * k + 4;
  const offA = 0, offB = offA + lenA + slackA, offC = offB + k * m + 4;
  const H = kn.heap(offC + n4 * m + 4);
  const A = a.data, B = b.data;
  H.set(A.length === lenA ? A : A.subarray(0, lenA), offA);
  H.fill(0, offA + lenA, offB);
  if (transB) {
    for (let p = 0; p < k; p++) for (let j = 0; j < m; j++) H[offB + p * m + j] = B[j * k + p];
  } else {
    H.set(B.length === k * m ? B : B.subarray(0, k * m), offB);
  }
  H.fill(0, offB + k * m, offC);
  kn.matmul(offC * 8, offA * 8, offB * 8, n, k, m, transA ? 8 : 8 * k, transA ? 8 * n : 8);
  return offC;
}

/** out = op(a)·op(b) through the SIMD kernel; false (nothing written) when it is unavailable. */
export function matmulWasmInto(out: Mat, a: Mat, b: Mat, transA: boolean, transB: boolean): boolean {
  const offC = matmulInWasm(out, a, b, transA, transB);
  if (offC === null) return false;
  out.data.set(wasmKernels()!.heap(0).subarray(offC, offC + out.rows * out.cols));
  return true;
}

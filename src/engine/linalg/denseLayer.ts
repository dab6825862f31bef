import { tanh } from '../core/tanh.ts';
import { matmulNTInto, type Mat } from './mat.ts';
import { matmulInWasm } from './matmulWasm.ts';
import { wasmKernels } from './wasmKernels.ts';

/**
 * One fully connected layer over a batch: out[i, o] = act(Σ_p a[i, p]·W[o, p] + bias[o]), with act the
 * identity or tanh (core/tanh.ts, not Math.tanh, so that the SIMD kernel can match it bit for bit).
 * With WebAssembly the product, the bias and the tanh all happen in the kernels' memory and the
 * activations are copied out once; without it the same operations run in JavaScript, in the same order.
 */
export function denseLayerInto(out: Mat, a: Mat, W: Mat, bias: Float64Array, useTanh: boolean): Mat {
  if (W.cols !== a.cols || out.rows !== a.rows || out.cols !== W.rows) throw new Error('denseLayer shape');
  const n = out.rows, m = out.cols, Z = out.data;
  const offC = matmulInWasm(out, a, W, false, true);
  if (offC !== null) {
    const kn = wasmKernels()!;
    const H = kn.heap(0);
    for (let i = 0; i < n; i++) for (let o = 0; o < m; o++) H[offC + i * m + o] += bias[o];
    if (useTanh) kn.tanh(offC * 8, n * m);
    Z.set(H.subarray(offC, offC + n * m));
    return out;
  }
  matmulNTInto(out, a, W);
  for (let i = 0; i < n; i++) {
    for (let o = 0; o < m; o++) {
      const s = Z[i * m + o] + bias[o];
      Z[i * m + o] = useTanh ? tanh(s) : s;
    }
  }
  return out;
}

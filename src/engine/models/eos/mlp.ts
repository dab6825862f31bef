import { denseLayerInto } from '../../linalg/denseLayer.ts';
import { mat, matmulInto, matmulTNInto, type Mat } from '../../linalg/mat.ts';

/**
 * A small fully connected tanh network with scalar input/output, parameters packed in one
 * Float64Array (per layer: W (out×in) row-major, then b). Forward and backward are batched matrix
 * products into preallocated buffers. Loss: ½·mean (f − y)² over the batch. tanh is the engine's
 * own (core/tanh.ts): same bits in every browser, and fused with the product in WebAssembly.
 */
export interface Mlp {
  sizes: number[];
  nParams: number;
  /** Loss at θ; writes ∇L into grad when given. */
  lossGrad(theta: Float64Array, grad: Float64Array | null): number;
}

export function createMlp(sizes: number[], xs: Float64Array, ys: Float64Array): Mlp {
  const L = sizes.length - 1;
  const offW: number[] = [], offB: number[] = [];
  let n = 0;
  for (let l = 0; l < L; l++) {
    offW.push(n);
    n += sizes[l + 1] * sizes[l];
    offB.push(n);
    n += sizes[l + 1];
  }
  const P = xs.length;
  // Activations a[l] (P × sizes[l]) and backprop deltas, allocated once.
  const acts = sizes.map((w) => mat(P, w));
  const deltas = sizes.map((w) => mat(P, w));
  for (let i = 0; i < P; i++) acts[0].data[i * sizes[0]] = xs[i];
  // Views of each layer's weight matrix and bias vector, cached per parameter buffer (θ, the gradient
  // and the HVP probes).
  const views = new Map<Float64Array, { W: Mat[]; b: Float64Array[] }>();
  const layerViews = (buf: Float64Array) => {
    let v = views.get(buf);
    if (!v) {
      v = {
        W: offW.map((o, l) => ({ rows: sizes[l + 1], cols: sizes[l], data: buf.subarray(o, o + sizes[l + 1] * sizes[l]) })),
        b: offB.map((o, l) => buf.subarray(o, o + sizes[l + 1])),
      };
      if (views.size > 8) views.clear();
      views.set(buf, v);
    }
    return v;
  };
  return {
    sizes,
    nParams: n,
    lossGrad(theta, grad) {
      const { W, b } = layerViews(theta);
      for (let l = 0; l < L; l++) denseLayerInto(acts[l + 1], acts[l], W[l], b[l], l < L - 1);
      const out = acts[L].data;
      let loss = 0;
      for (let i = 0; i < P; i++) {
        const r = out[i] - ys[i];
        loss += 0.5 * r * r;
        deltas[L].data[i] = r / P;
      }
      loss /= P;
      if (!grad) return loss;
      const G = layerViews(grad).W;
      for (let l = L - 1; l >= 0; l--) {
        const nout = sizes[l + 1], d = deltas[l + 1];
        matmulTNInto(G[l], d, acts[l]);
        for (let o = 0; o < nout; o++) {
          let s = 0;
          for (let i = 0; i < P; i++) s += d.data[i * nout + o];
          grad[offB[l] + o] = s;
        }
        if (l > 0) {
          // δ_prev = (δ W) ⊙ tanh′ = (δ W)(1 − a²), a being the tanh output of layer l.
          const dPrev = deltas[l], a = acts[l].data;
          matmulInto(dPrev, d, W[l]);
          for (let i = 0; i < dPrev.data.length; i++) dPrev.data[i] *= 1 - a[i] * a[i];
        }
      }
      return loss;
    },
  };
}

/** Offsets of each layer's weight block, for fan-in initialisation. */
export function layerBlocks(sizes: number[]): { w: number; b: number; fanIn: number; count: number }[] {
  const out = [];
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const count = sizes[l + 1] * sizes[l];
    out.push({ w: n, b: n + count, fanIn: sizes[l], count });
    n += count + sizes[l + 1];
  }
  return out;
}

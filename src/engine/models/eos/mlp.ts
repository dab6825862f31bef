/**
 * A small fully connected tanh network with scalar input/output, parameters packed in one
 * Float64Array (per layer: W (out×in) row-major, then b), with explicit forward/backward into
 * preallocated buffers. Loss: ½·mean (f − y)² over the batch.
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
  const acts = sizes.map((w) => new Float64Array(P * w));
  const deltas = sizes.map((w) => new Float64Array(P * w));
  for (let i = 0; i < P; i++) acts[0][i * sizes[0]] = xs[i];
  return {
    sizes,
    nParams: n,
    lossGrad(theta, grad) {
      for (let l = 0; l < L; l++) {
        const nin = sizes[l], nout = sizes[l + 1], a = acts[l], z = acts[l + 1];
        const last = l === L - 1;
        for (let i = 0; i < P; i++) {
          for (let o = 0; o < nout; o++) {
            let s = theta[offB[l] + o];
            const w = offW[l] + o * nin;
            for (let k = 0; k < nin; k++) s += theta[w + k] * a[i * nin + k];
            z[i * nout + o] = last ? s : Math.tanh(s);
          }
        }
      }
      const out = acts[L];
      let loss = 0;
      for (let i = 0; i < P; i++) {
        const r = out[i] - ys[i];
        loss += 0.5 * r * r;
        deltas[L][i] = r / P;
      }
      loss /= P;
      if (!grad) return loss;
      grad.fill(0);
      for (let l = L - 1; l >= 0; l--) {
        const nin = sizes[l], nout = sizes[l + 1], a = acts[l], d = deltas[l + 1], dPrev = deltas[l];
        for (let i = 0; i < P; i++) {
          for (let o = 0; o < nout; o++) {
            const g = d[i * nout + o];
            grad[offB[l] + o] += g;
            const w = offW[l] + o * nin;
            for (let k = 0; k < nin; k++) grad[w + k] += g * a[i * nin + k];
          }
        }
        if (l > 0) {
          // δ_prev = (Wᵀ δ) ⊙ tanh′ = (Wᵀ δ)(1 − a²); accumulate row by row so W is read contiguously.
          dPrev.fill(0, 0, P * nin);
          for (let i = 0; i < P; i++) {
            const row = i * nin;
            for (let o = 0; o < nout; o++) {
              const g = d[i * nout + o];
              if (g === 0) continue;
              const w = offW[l] + o * nin;
              for (let k = 0; k < nin; k++) dPrev[row + k] += theta[w + k] * g;
            }
            for (let k = 0; k < nin; k++) {
              const ak = a[row + k];
              dPrev[row + k] *= 1 - ak * ak;
            }
          }
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

/**
 * Exact test loss of the centred committee machine for x ~ N(0, I/D) (Kumar et al. 2024;
 * docs/engine-models.md), with A = (αε/2)(M − M0) − ½ββᵀ:
 *   E(f̃ − y)² = (tr A / D)² + 2 tr(A²)/D² + α²‖w̄ − w̄0‖²/D
 * = variance error + misalignment error + power in linear modes.
 */
export function kumarTestLoss(D: number, alpha: number, eps: number, beta: Float64Array, wc: Float64Array, Mc: Float64Array): { variance: number; alignment: number; linear: number; total: number } {
  let tr = 0, fro = 0, w2 = 0;
  for (let i = 0; i < D; i++) {
    w2 += wc[i] * wc[i];
    for (let j = 0; j < D; j++) {
      const a = 0.5 * alpha * eps * Mc[i * D + j] - 0.5 * beta[i] * beta[j];
      if (i === j) tr += a;
      fro += a * a;
    }
  }
  const variance = (tr / D) ** 2, alignment = (2 * fro) / (D * D), linear = (alpha * alpha * w2) / D;
  return { variance, alignment, linear, total: variance + alignment + linear };
}

/**
 * Kernel–target alignment yᵀKy/(‖K‖_F‖y‖²) of the NTK on the training inputs (up to the α²/N factor):
 *   K(x, x′) = (x·x′)[1 + ε w̄·(x + x′) + ε² xᵀMx′].
 */
export function kumarCka(X: Float64Array, P: number, D: number, eps: number, wbar: Float64Array, M: Float64Array, y: Float64Array, scratch: { Mx: Float64Array; wx: Float64Array }): number {
  const { Mx, wx } = scratch;
  for (let m = 0; m < P; m++) {
    let s = 0;
    for (let i = 0; i < D; i++) {
      s += wbar[i] * X[m * D + i];
      let t = 0;
      for (let j = 0; j < D; j++) t += M[i * D + j] * X[m * D + j];
      Mx[m * D + i] = t;
    }
    wx[m] = s;
  }
  let quad = 0, kk = 0, yy = 0;
  for (let a = 0; a < P; a++) {
    yy += y[a] * y[a];
    for (let b = 0; b < P; b++) {
      let xx = 0, xMx = 0;
      for (let i = 0; i < D; i++) {
        xx += X[a * D + i] * X[b * D + i];
        xMx += X[a * D + i] * Mx[b * D + i];
      }
      const k = xx * (1 + eps * (wx[a] + wx[b]) + eps * eps * xMx);
      quad += y[a] * k * y[b];
      kk += k * k;
    }
  }
  return quad / (Math.sqrt(kk) * yy);
}

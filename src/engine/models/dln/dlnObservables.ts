import { mat, matmulNTInto, matmulTNInto, type Mat } from '../../linalg/mat.ts';
import type { DlnWorkspace } from './dlnGradient.ts';

/**
 * Conserved quantities G_l = W_{l+1}ᵀW_{l+1} − W_lW_lᵀ (C_ℓ in the slides), written into out[l].
 */
export function conservedG(Ws: Mat[], out: Mat[]): void {
  for (let l = 0; l + 1 < Ws.length; l++) {
    const n = Ws[l].rows;
    const A = mat(n, n), B = mat(n, n);
    matmulTNInto(A, Ws[l + 1], Ws[l + 1]);
    matmulNTInto(B, Ws[l], Ws[l]);
    for (let i = 0; i < n * n; i++) out[l].data[i] = A.data[i] - B.data[i];
  }
}

/** max_l ‖G_l − G_l(0)‖_F / (‖W_l‖²_F + ‖W_{l+1}‖²_F): a scale-free drift that is 0 under exact GF. */
export function gDrift(Ws: Mat[], G0: Mat[], scratch: Mat[]): number {
  conservedG(Ws, scratch);
  let worst = 0;
  for (let l = 0; l < G0.length; l++) {
    let d = 0, n = 0;
    for (let i = 0; i < G0[l].data.length; i++) d += (scratch[l].data[i] - G0[l].data[i]) ** 2;
    for (const W of [Ws[l], Ws[l + 1]]) for (const v of W.data) n += v * v;
    worst = Math.max(worst, Math.sqrt(d) / n);
  }
  return worst;
}

/**
 * Empirical NTK of f(x) = W_L⋯W_1 x on probe inputs X (n0 × P), as a (P·nL)² matrix indexed (i·nL + a):
 *   K[(i,a),(j,b)] = Σ_l (h_{l−1}(x_i)·h_{l−1}(x_j)) (S_l S_lᵀ)_{ab},  h_{l−1} = W_{l−1}⋯W_1 x, S_l = W_L⋯W_{l+1}.
 * For L = 2 this is (xᵀx′) W2W2ᵀ + (xᵀW1ᵀW1x′) I. Needs forwardProducts first.
 */
export function dlnNtk(ws: DlnWorkspace, X: Mat): Float64Array {
  const L = ws.widths.length - 1, nL = ws.widths[L], P = X.cols;
  const N = P * nL;
  const K = new Float64Array(N * N);
  for (let l = 1; l <= L; l++) {
    const Pm = ws.prefix[l - 1];
    const H = mat(Pm.rows, P);
    for (let i = 0; i < Pm.rows; i++) for (let j = 0; j < P; j++) {
      let acc = 0;
      for (let k = 0; k < Pm.cols; k++) acc += Pm.data[i * Pm.cols + k] * X.data[k * P + j];
      H.data[i * P + j] = acc;
    }
    const g = mat(P, P), B = mat(nL, nL);
    matmulTNInto(g, H, H);
    matmulNTInto(B, ws.suffix[l], ws.suffix[l]);
    for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) {
      const gij = g.data[i * P + j];
      for (let a = 0; a < nL; a++) for (let b = 0; b < nL; b++) K[(i * nL + a) * N + j * nL + b] += gij * B.data[a * nL + b];
    }
  }
  return K;
}

/** Kernel–target alignment yᵀKy / (‖K‖_F ‖y‖²), in [0, 1] for PSD K. */
export function kernelTargetAlignment(K: Float64Array, y: Float64Array): number {
  const n = y.length;
  let quad = 0, kk = 0, yy = 0;
  for (let i = 0; i < n; i++) {
    yy += y[i] * y[i];
    let row = 0;
    for (let j = 0; j < n; j++) {
      row += K[i * n + j] * y[j];
      kk += K[i * n + j] * K[i * n + j];
    }
    quad += y[i] * row;
  }
  return kk > 0 && yy > 0 ? quad / (Math.sqrt(kk) * yy) : 0;
}

/** Kernel distance 1 − ⟨K0, K⟩/(‖K0‖‖K‖) (Kunin et al.'s code) and relative change ‖K − K0‖/‖K0‖. */
export function kernelChange(K0: Float64Array, K: Float64Array): { distance: number; relative: number } {
  let ip = 0, n0 = 0, n1 = 0, d = 0;
  for (let i = 0; i < K.length; i++) {
    ip += K0[i] * K[i];
    n0 += K0[i] * K0[i];
    n1 += K[i] * K[i];
    d += (K[i] - K0[i]) ** 2;
  }
  return {
    distance: n0 > 0 && n1 > 0 ? 1 - ip / Math.sqrt(n0 * n1) : 0,
    relative: n0 > 0 ? Math.sqrt(d / n0) : 0,
  };
}

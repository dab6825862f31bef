import { eye, mat, matmulInto, matmulNTInto, matmulTNInto, type Mat } from '../../linalg/mat.ts';

/**
 * Loss and gradient of L(W_1..W_L) = ½ tr(W Σxx Wᵀ) − tr(W Σyxᵀ) + ½ Σyy with W = W_L⋯W_1,
 * which equals ½‖M − W‖²_F for whitened population data (the course convention, docs/engine.md):
 *   ∇_{W_l} L = (W_L⋯W_{l+1})ᵀ (W Σxx − Σyx) (W_{l−1}⋯W_1)ᵀ.
 * Prefix and suffix products are kept in a workspace allocated once.
 */
export interface DlnWorkspace {
  widths: number[];
  prefix: Mat[]; // prefix[l] = W_l⋯W_1 (n_l × n0), prefix[0] = I
  suffix: Mat[]; // suffix[l] = W_L⋯W_{l+1} (nL × n_l), suffix[L] = I
  R: Mat; // residual W Σxx − Σyx
  T: Mat[]; // suffix[l]ᵀ R, per layer
}

export function dlnWorkspace(widths: number[]): DlnWorkspace {
  const L = widths.length - 1, n0 = widths[0], nL = widths[L];
  const prefix = widths.map((n, l) => (l === 0 ? eye(n0) : mat(n, n0)));
  const suffix = widths.map((n, l) => (l === L ? eye(nL) : mat(nL, n)));
  return { widths, prefix, suffix, R: mat(nL, n0), T: widths.map((n) => mat(n, n0)) };
}

/** Fills prefix/suffix products; afterwards ws.prefix[L] is the end-to-end map W. */
export function forwardProducts(ws: DlnWorkspace, Ws: Mat[]): Mat {
  const L = Ws.length;
  // The first product of each chain is a copy (multiplying by I would waste a matmul), and
  // suffix[0] (the full product again) is never needed by the gradient.
  ws.prefix[1].data.set(Ws[0].data);
  for (let l = 2; l <= L; l++) matmulInto(ws.prefix[l], Ws[l - 1], ws.prefix[l - 1]);
  ws.suffix[L - 1].data.set(Ws[L - 1].data);
  for (let l = L - 2; l >= 1; l--) matmulInto(ws.suffix[l], ws.suffix[l + 1], Ws[l]);
  return ws.prefix[L];
}

/** Writes ∇_{W_l} into grads[l]; returns the loss. Sxx = null means Σxx = I (skips a matmul). */
export function dlnLossGrad(ws: DlnWorkspace, Ws: Mat[], Sxx: Mat | null, Syx: Mat, Syy: number, grads: Mat[] | null): number {
  const L = Ws.length;
  const W = forwardProducts(ws, Ws);
  const R = ws.R;
  if (Sxx) matmulInto(R, W, Sxx);
  else R.data.set(W.data);
  let quad = 0, lin = 0;
  for (let i = 0; i < R.data.length; i++) {
    quad += W.data[i] * R.data[i];
    lin += W.data[i] * Syx.data[i];
    R.data[i] -= Syx.data[i];
  }
  let loss = 0.5 * quad - lin + 0.5 * Syy;
  if (!Sxx) {
    // Whitened population loss: ½‖W − M‖² directly, avoiding cancellation near the minimum.
    let r2 = 0;
    for (let i = 0; i < R.data.length; i++) r2 += R.data[i] * R.data[i];
    loss = 0.5 * r2;
  }
  if (grads) {
    for (let l = 1; l <= L; l++) {
      // ∇W_l = suffix[l]ᵀ R prefix[l−1]ᵀ, skipping the identity factors at both ends.
      if (l === L) ws.T[l].data.set(R.data);
      else matmulTNInto(ws.T[l], ws.suffix[l], R);
      if (l === 1) grads[0].data.set(ws.T[1].data);
      else matmulNTInto(grads[l - 1], ws.T[l], ws.prefix[l - 1]);
    }
  }
  return loss;
}

/**
 * Top Hessian eigenvalue by power iteration on central finite-difference Hessian–vector products,
 *   Hv ≈ (∇L(θ + εv) − ∇L(θ − εv)) / 2ε,
 * exactly as the in-browser EoS tutorial does (rfangit/edge-of-stability-browser). Exact to O(ε²) for smooth
 * (tanh) networks. Warm-starting from the previous eigenvector makes a few iterations enough.
 * Power iteration finds the eigenvalue of largest magnitude; along GD trajectories of MSE losses
 * that is the top (positive) one.
 */
export interface SharpnessEstimator {
  estimate(theta: Float64Array): number;
}

export function createSharpness(
  n: number,
  grad: (theta: Float64Array, out: Float64Array) => void,
  iters: number,
  eps = 1e-5,
  init?: Float64Array,
): SharpnessEstimator {
  const v = new Float64Array(n), hv = new Float64Array(n);
  const tp = new Float64Array(n), tm = new Float64Array(n), gp = new Float64Array(n), gm = new Float64Array(n);
  if (init) v.set(init);
  else for (let i = 0; i < n; i++) v[i] = Math.sin(1 + 7.3 * i); // deterministic, non-degenerate start
  const normalize = (x: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i] * x[i];
    const r = Math.sqrt(s);
    for (let i = 0; i < n; i++) x[i] /= r;
    return r;
  };
  normalize(v);
  const hvp = (theta: Float64Array) => {
    for (let i = 0; i < n; i++) { tp[i] = theta[i] + eps * v[i]; tm[i] = theta[i] - eps * v[i]; }
    grad(tp, gp);
    grad(tm, gm);
    for (let i = 0; i < n; i++) hv[i] = (gp[i] - gm[i]) / (2 * eps);
  };
  return {
    estimate(theta) {
      let lambda = 0;
      for (let it = 0; it < iters; it++) {
        hvp(theta);
        let rq = 0;
        for (let i = 0; i < n; i++) rq += v[i] * hv[i];
        lambda = rq;
        v.set(hv);
        normalize(v);
      }
      return lambda;
    },
  };
}

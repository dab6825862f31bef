import { mat, type Mat } from '../../linalg/mat.ts';
import { solve } from '../../linalg/solve.ts';

/** Minimum-ℓ2 interpolator Xᵀ(XXᵀ)⁻¹y (the kernel-regime limit), X is n × d with n < d. */
export function minL2Interpolator(X: Mat, y: Float64Array): Float64Array {
  const { rows: n, cols: d } = X;
  const G = mat(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += X.data[i * d + k] * X.data[j * d + k];
    G.data[i * n + j] = s;
  }
  const c = solve(G, y);
  const beta = new Float64Array(d);
  for (let k = 0; k < d; k++) for (let i = 0; i < n; i++) beta[k] += X.data[i * d + k] * c[i];
  return beta;
}

/**
 * Woodworth et al. (2020, arXiv:2002.09277) implicit-bias oracle for β = u⊙u − v⊙v from u = v = α:
 * β_Q(α) = argmin_{Xβ = y} Q_α(β), characterised by β = 2α² sinh(Xᵀν) with Xβ = y.
 * Solved for ν by damped Newton, with continuation from large α (nearly linear) down to the target.
 */
export function diagonalOracle(X: Mat, y: Float64Array, alpha: number): Float64Array {
  const { rows: n, cols: d } = X;
  const beta = new Float64Array(d), z = new Float64Array(d);
  const residual = (nu: Float64Array, a2: number): Float64Array => {
    for (let k = 0; k < d; k++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += X.data[i * d + k] * nu[i];
      z[k] = s;
      beta[k] = 2 * a2 * Math.sinh(s);
    }
    const F = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = -y[i];
      for (let k = 0; k < d; k++) s += X.data[i * d + k] * beta[k];
      F[i] = s;
    }
    return F;
  };
  const norm = (v: Float64Array) => Math.sqrt(v.reduce((a, b) => a + b * b, 0));
  const ymax = Math.max(...Array.from(y, Math.abs), 1e-12);
  let a = Math.max(alpha, 10 * Math.sqrt(ymax));
  let nu = new Float64Array(n);
  for (;;) {
    const a2 = a * a;
    for (let it = 0; it < 100; it++) {
      const F = residual(nu, a2);
      const f0 = norm(F);
      if (f0 < 1e-13 * (1 + norm(y))) break;
      const J = mat(n, n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += X.data[i * d + k] * 2 * a2 * Math.cosh(z[k]) * X.data[j * d + k];
        J.data[i * n + j] = s;
      }
      const step = solve(J, F);
      let t = 1;
      let next = nu;
      for (let bt = 0; bt < 40; bt++) {
        next = nu.map((v, i) => v - t * step[i]);
        if (norm(residual(next, a2)) < (1 - 1e-4 * t) * f0) break;
        t /= 2;
      }
      nu = next;
    }
    if (a === alpha) break;
    a = Math.max(alpha, a * 0.5);
  }
  residual(nu, alpha * alpha);
  return beta.slice();
}

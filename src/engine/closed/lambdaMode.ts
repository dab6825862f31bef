import { bisectIncreasing } from './quadrature.ts';

/**
 * One aligned mode of a λ-balanced two-layer linear network (Dominé et al. 2024, arXiv:2409.14623):
 * with first/second-layer strengths a, b, λ = b² − a² is conserved and u = ab obeys
 *   du/dt = √(λ² + 4u²) (s − u).
 * λ = 0 is Saxe's rich logistic law 2u(s − u); |λ| ≫ s is lazy exponential relaxation at rate |λ|.
 */
export function lambdaModeRate(lambda: number, s: number, u: number): number {
  return Math.sqrt(lambda * lambda + 4 * u * u) * (s - u);
}

/**
 * Antiderivative of 1/((s − u)√(λ² + 4u²)) for u < s, k = |λ|/2:
 *   ½ · (1/R) ln[(R√(u² + k²) + s u + k²) / (s − u)],  R = √(s² + k²).
 * At λ = 0 this reduces to Saxe's (1/2s) ln(2su/(s − u)).
 */
function primitive(lambda: number, s: number, u: number): number {
  const k = Math.abs(lambda) / 2;
  const R = Math.sqrt(s * s + k * k);
  return Math.log((R * Math.sqrt(u * u + k * k) + s * u + k * k) / (s - u)) / (2 * R);
}

/** Time from u0 to uf (u0 < uf < s; u0 may be ≤ 0 when λ ≠ 0). Closed form, no quadrature. */
export function lambdaModeTime(lambda: number, s: number, u0: number, uf: number): number {
  if (!(s > 0) || !(uf < s) || !(u0 <= uf) || (lambda === 0 && !(u0 > 0))) {
    throw new RangeError(`lambdaModeTime needs s > 0, u0 ≤ uf < s and u0 > 0 when λ = 0 (got λ=${lambda}, s=${s}, u0=${u0}, uf=${uf})`);
  }
  return primitive(lambda, s, uf) - primitive(lambda, s, u0);
}

export function lambdaHalfTime(lambda: number, s: number, u0: number): number {
  return lambdaModeTime(lambda, s, u0, s / 2);
}

/** u(t) for u0 < s, by bisection on the closed-form time. */
export function lambdaModeValue(lambda: number, s: number, u0: number, t: number): number {
  if (t <= 0) return u0;
  const hi = s - s * 1e-15;
  if (lambdaModeTime(lambda, s, u0, hi) <= t) return hi;
  return bisectIncreasing((u) => lambdaModeTime(lambda, s, u0, u), t, u0, hi);
}

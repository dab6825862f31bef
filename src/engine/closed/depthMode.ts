import { bisectIncreasing, gaussLegendre } from './quadrature.ts';

/**
 * One balanced aligned mode of a depth-N linear network (N weight matrices), course convention τ = 1:
 *   du/dt = N u^{2−2/N} (s − u)
 * (Saxe et al. 2014 Eq. 15 with N = N_l − 1; Arora, Cohen & Hazan 2018). N = 2 is Saxe's logistic law.
 * For N ≥ 3 the plateau is a power law in 1/u₀, and the asymptote u₀^{−(1−2/N)}/(s(N−2)) is only
 * leading order, so times are computed by quadrature (docs/engine-models.md).
 */
export function depthModeRate(N: number, s: number, u: number): number {
  return N * Math.pow(u, 2 - 2 / N) * (s - u);
}

/** Time to go from u0 to uf (0 < u0 < uf < s), by quadrature split at s/2 with smoothing substitutions. */
export function depthModeTime(N: number, s: number, u0: number, uf: number): number {
  if (!(N >= 1) || !(s > 0) || !(u0 > 0) || !(uf > u0) || !(uf < s)) {
    throw new RangeError(`depthModeTime needs N ≥ 1 and 0 < u0 < uf < s (got N=${N}, s=${s}, u0=${u0}, uf=${uf})`);
  }
  const mid = Math.min(uf, s / 2);
  // Below s/2: u = e^z removes the 1/u^{2−2/N} blow-up near u0.
  const lower = gaussLegendre((z) => {
    const u = Math.exp(z);
    return Math.pow(u, 2 / N - 1) / (N * (s - u));
  }, Math.log(u0), Math.log(mid), 400);
  if (uf <= mid) return lower;
  // Above s/2: s − u = e^{−v} removes the 1/(s − u) blow-up near s.
  const upper = gaussLegendre((v) => {
    const u = s - Math.exp(-v);
    return 1 / (N * Math.pow(u, 2 - 2 / N));
  }, -Math.log(s - mid), -Math.log(s - uf), 400);
  return lower + upper;
}

export function depthHalfTime(N: number, s: number, u0: number): number {
  return depthModeTime(N, s, u0, s / 2);
}

/** u(t) by inverting depthModeTime (monotone in uf). */
export function depthModeValue(N: number, s: number, u0: number, t: number): number {
  if (t <= 0) return u0;
  const hi = s * (1 - 1e-15);
  if (depthModeTime(N, s, u0, hi) <= t) return hi;
  return bisectIncreasing((u) => (u <= u0 ? 0 : depthModeTime(N, s, u0, u)), t, u0, hi);
}

/**
 * Closed-form gradient-flow solution of one decoupled mode of a balanced two-layer linear network
 * (Saxe, McClelland & Ganguli 2014, arXiv:1312.6120, Eq. 9 with τ = 1 and loss ½‖M − W‖²_F):
 *
 *   du/dt = 2u(s − u),   u(t) = s / (1 + (s/u₀ − 1) e^{−2st}).
 */
export function saxeModeValue(s: number, u0: number, t: number): number {
  if (!(s > 0) || !(u0 > 0)) throw new RangeError(`saxeModeValue needs s > 0 and u0 > 0 (got s=${s}, u0=${u0})`);
  return s / (1 + (s / u0 - 1) * Math.exp(-2 * s * t));
}

/** Time for a mode to go from u0 to uf under du/dt = 2u(s − u): (1/2s) ln[u_f(s − u₀) / (u₀(s − u_f))]. */
export function saxeModeTime(s: number, u0: number, uf: number): number {
  if (!(s > 0) || !(u0 > 0) || !(uf > 0) || u0 >= s || uf >= s) {
    throw new RangeError(`saxeModeTime needs 0 < u0, uf < s (got s=${s}, u0=${u0}, uf=${uf})`);
  }
  return Math.log((uf * (s - u0)) / (u0 * (s - uf))) / (2 * s);
}

/** Half-learning time: the time at which u = s/2, equal to (1/2s) ln(s/u₀ − 1). */
export function saxeHalfTime(s: number, u0: number): number {
  return saxeModeTime(s, u0, s / 2);
}

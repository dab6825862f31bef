/**
 * Hyperbolic tangent from +, −, ×, ÷ and ⌈·⌉ only, so that it rounds the same in every JavaScript
 * engine (ECMAScript leaves Math.tanh's last bits to the implementation) and the WebAssembly SIMD
 * version in linalg/wasm/kernels.wat (`tanh`) can reproduce it bit for bit, lane by lane.
 *
 * Method, for a = |x|: E = e^(−2a) = 2ᵏ·(1 + e) with −2a = k·ln2 + r, |r| ≤ ln2/2, and e = expm1(r);
 * then tanh a = (1 − E)/(1 + E) = ((1 − 2ᵏ) − 2ᵏe) / ((1 + 2ᵏ) + 2ᵏe), where 1 ± 2ᵏ and 2ᵏe are exact,
 * so numerator and denominator are each rounded once. ln2 is split so that k·LN2_HI is exact, and the
 * rounding of r is carried as a correction c. expm1(r) is its Taylor series to r¹³ (truncation below
 * 2⁻⁵⁶ relative), in Estrin form. Accuracy: within 2 ulp of the correctly rounded value
 * (tests/engine/tanh.test.ts).
 */

/** ln 2 split: LN2_HI has 32 trailing zero bits, so k·LN2_HI is exact for |k| < 2²⁰. */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700;
/** Taylor coefficients 1/n! of expm1, n = 2 … 13. */
const EXPM1_COEFFS = [2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800, 39916800, 479001600, 6227020800].map((f) => 1 / f);
/** Beyond this |x|, tanh x rounds to ±1 (1 − tanh 20 ≈ 8.5e−18 < 2⁻⁵⁴). */
const TANH_SATURATE = 20;
/** Below this |x|, tanh x rounds to x (x³/3 is under half an ulp of x). */
const TANH_TINY = 2 ** -27;

const [C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, C13] = EXPM1_COEFFS;

/** 2⁻ʲ for j = 0…60, exact (halving a power of two is exact). */
const POW2_NEG = (() => {
  const t = new Float64Array(61);
  t[0] = 1;
  for (let j = 1; j < t.length; j++) t[j] = t[j - 1] / 2;
  return t;
})();

export function tanh(x: number): number {
  const a = x < 0 ? -x : x;
  if (!(a >= TANH_TINY)) return x; // also NaN and ±0
  if (a >= TANH_SATURATE) return x < 0 ? -1 : 1;
  const y = -2 * a;
  // k = round(y/ln2) ∈ [−58, 0], halves away from zero (y ≤ 0).
  const k = Math.ceil(y * INV_LN2 - 0.5);
  const hi = y - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const c = hi - r - lo;
  const r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  const q = C2 + C3 * r + r2 * (C4 + C5 * r) + r4 * (C6 + C7 * r + r2 * (C8 + C9 * r)) + r8 * (C10 + C11 * r + r2 * (C12 + C13 * r));
  const em = r + r2 * q;
  const e = em + (c + c * em); // expm1(r + c) ≈ expm1(r) + c·e^r, c being below an ulp of r
  const p = POW2_NEG[-k];
  const pe = p * e;
  const th = (1 - p - pe) / (1 + p + pe);
  return x < 0 ? -th : th;
}

/**
 * The loss of the scalar two-layer model and its derivatives: plain functions, with no schema, so that a
 * figure drawing the landscape in the browser does not carry the scenario validator with it.
 */

export function scalarLoss(s: number, w1: number, w2: number): number {
  return 0.5 * (s - w1 * w2) ** 2;
}

/** ∇ℓ = −(s − w₁w₂)(w₂, w₁). */
export function scalarGrad(s: number, w1: number, w2: number): [number, number] {
  const r = s - w1 * w2;
  return [-r * w2, -r * w1];
}

/** Largest eigenvalue of the exact Hessian [[w₂², 2w₁w₂ − s], [2w₁w₂ − s, w₁²]]. */
export function scalarSharpness(s: number, w1: number, w2: number): number {
  const a = w2 * w2, d = w1 * w1, b = 2 * w1 * w2 - s;
  return (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * b);
}

import { z } from 'zod';
import { baseFields, int, num } from '../../core/schemaHelpers.ts';

export { scalarGrad, scalarLoss, scalarSharpness } from './scalarLandscape.ts';
export { runScalarTwoLayer } from './runScalarTwoLayer.ts';

/**
 * GD on the scalar two-layer landscape ℓ(w₁, w₂) = ½(s − w₁w₂)²: a strict saddle at the
 * origin (Hessian eigenvalues ±s), a hyperbola w₁w₂ = s of degenerate minima with sharpness w₁² + w₂², and
 * w₁² − w₂² conserved by gradient flow. GD is locally stable at a minimum iff η(w₁² + w₂²) < 2.
 */
export const scalarTwoLayerSchema = z.strictObject({
  ...baseFields('scalar-two-layer'),
  /** Target s > 0 of the product w₁w₂. */
  s: num(0.01, 100, 'target s of the product w₁w₂').default(1),
  /** Learning rate η. */
  eta: num(1e-5, 10, 'learning rate').default(0.1),
  /** Initial first-layer weight w₁. */
  w1: num(-100, 100, 'initial w₁').default(0.2),
  /** Initial second-layer weight w₂. */
  w2: num(-100, 100, 'initial w₂').default(1.5),
  /** Number of GD steps. */
  steps: int(1, 1_000_000, 'number of GD steps').default(200),
  /** Record every this many steps. */
  recordEvery: int(1, 1_000_000, 'steps between records').default(1),
});
export type ScalarTwoLayerScenario = z.infer<typeof scalarTwoLayerSchema>;

import { z } from 'zod';
import { Recorder } from '../../core/recorder.ts';
import { descend2d } from '../../core/descend2d.ts';
import { baseFields, int, num } from '../../core/schemaHelpers.ts';
import type { RunOptions, Trajectory } from '../../core/trajectory.ts';

/**
 * GD on Zhu, Wang, Wang, Zhou & Ge's (2023, arXiv:2210.03294) minimalist edge-of-stability loss
 *   L(x, y) = ¼ (1 − x²y²)².
 * With p = xy: ∇L = −(1 − p²) p (y, x) and the Hessian is exact in closed form, so sharpness needs
 * no iteration. On the minimum set xy = ±1, sharpness = 2(x² + y²).
 */
export const eosXySchema = z.strictObject({
  ...baseFields('eos-xy'),
  /** Learning rate η (EoS minima exist for η < 1/2). */
  eta: num(1e-4, 2, 'learning rate').default(0.2),
  /** Initial x. */
  x0: num(-100, 100, 'initial x').default(3),
  /** Initial y. */
  y0: num(-100, 100, 'initial y').default(0.2),
  /** Number of GD steps. */
  steps: int(1, 2_000_000, 'number of GD steps').default(20_000),
  /** Record every this many steps. */
  recordEvery: int(1, 1_000_000, 'steps between records').default(20),
});
export type EosXyScenario = z.infer<typeof eosXySchema>;

export function xyLoss(x: number, y: number): number {
  const p = x * y;
  return 0.25 * (1 - p * p) ** 2;
}

export function xyGrad(x: number, y: number): [number, number] {
  const p = x * y;
  const dp = -(1 - p * p) * p;
  return [dp * y, dp * x];
}

/** Largest eigenvalue of the exact 2×2 Hessian. */
export function xySharpness(x: number, y: number): number {
  const p = x * y;
  const c = 3 * p * p - 1; // d²L/dp²
  const hxx = c * y * y, hyy = c * x * x, hxy = c * p - (1 - p * p) * p;
  const tr = hxx + hyy, det = hxx * hyy - hxy * hxy;
  return tr / 2 + Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
}

export function runEosXy(s: EosXyScenario, opts: RunOptions = {}): Trajectory {
  const rec = new Recorder();
  const [x, y] = descend2d({
    start: [s.x0, s.y0], eta: s.eta, steps: s.steps, recordEvery: s.recordEvery, sizeLabel: '|x| + |y|',
    grad: xyGrad,
    observe: (k, a, b) => rec.record(k, k, { x: a, y: b, loss: xyLoss(a, b), sharpness: xySharpness(a, b), sharpnessTimesEtaOver2: (xySharpness(a, b) * s.eta) / 2 }),
  }, rec, opts);
  const gfSharpness = 2 * Math.sqrt((s.x0 ** 2 - s.y0 ** 2) ** 2 + 4);
  return rec.finish(s, {
    x, y, loss: xyLoss(x, y), sharpness: xySharpness(x, y), twoOverEta: 2 / s.eta,
    // Where gradient flow from the same init would land: x² − y² is conserved by GF.
    gradientFlowSharpness: gfSharpness,
  });
}

import { Recorder } from '../../core/recorder.ts';
import { descend2d } from '../../core/descend2d.ts';
import type { RunOptions, Trajectory } from '../../core/trajectory.ts';
import type { ScalarTwoLayerScenario } from './scalarTwoLayer.ts';
import { scalarGrad, scalarLoss, scalarSharpness } from './scalarLandscape.ts';

/**
 * Gradient descent on ½(s − w₁w₂)² for a validated scenario (scalarTwoLayerSchema). Kept apart from the schema
 * so that a caller holding a complete, valid scenario (the scalar-landscape figure, whose sliders stay inside
 * the schema's bounds) can run it without the validator: 120 steps take microseconds on the page itself.
 */
export function runScalarTwoLayer(sc: ScalarTwoLayerScenario, opts: RunOptions = {}): Trajectory {
  const rec = new Recorder();
  const [w1, w2] = descend2d({
    start: [sc.w1, sc.w2], eta: sc.eta, steps: sc.steps, recordEvery: sc.recordEvery, sizeLabel: '|w₁| + |w₂|',
    grad: (a, b) => scalarGrad(sc.s, a, b),
    observe: (k, a, b) => rec.record(k, k, { w1: a, w2: b, loss: scalarLoss(sc.s, a, b), sharpness: scalarSharpness(sc.s, a, b), balance: a * a - b * b }),
  }, rec, opts);
  return rec.finish(sc, { w1, w2, loss: scalarLoss(sc.s, w1, w2), sharpness: scalarSharpness(sc.s, w1, w2), twoOverEta: 2 / sc.eta });
}

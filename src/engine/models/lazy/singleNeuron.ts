import { z } from 'zod';
import { Recorder, blowUpReason, progressTicker } from '../../core/recorder.ts';
import { baseFields, int, num } from '../../core/schemaHelpers.ts';
import type { RunOptions, Trajectory } from '../../core/trajectory.ts';

/**
 * Kunin, Raventós, Dominé, Chen, Klindt, Saxe & Ganguli (2024, arXiv:2406.06158), single-neuron set-up
 * of their notebook: f(x) = a wᵀx with w ∈ ℝ², Σxx = I, Σxy = (0, 1), so
 * L = ½‖β − β*‖² with β = a w and β* = (0, 1). Starting at β0 = (−1, 0) with imbalance
 * δ = η_w a² − η_a‖w‖² (conserved by gradient flow): δ > 0 is lazy, δ ≈ 0 balanced and rich,
 * δ < 0 moves the kernel a lot but converges slowly. The NTK on probes {e1, e2, e1 + e2} uses the
 * layer learning rates as the metric (that is the kernel GD actually follows):
 *   K(x, x′) = η_w a² xᵀx′ + η_a (wᵀx)(wᵀx′).
 */
export const singleNeuronSchema = z.strictObject({
  ...baseFields('single-neuron'),
  /** Conserved imbalance δ = η_w a² − η_a‖w‖² (with unit rates: a² − ‖w‖²). */
  delta: num(-100, 100, 'imbalance δ').default(0),
  /** Initial β0 = a0 w0, first coordinate. */
  beta0x: num(-10, 10, 'initial β, first coordinate').default(-1),
  /** Initial β0, second coordinate. */
  beta0y: num(-10, 10, 'initial β, second coordinate').default(0),
  /** Learning rate; time is t = step·η. */
  eta: num(1e-6, 1, 'learning rate').default(1e-3),
  /** Relative learning rate of the readout a. */
  etaA: num(1e-3, 1e3, 'layer learning-rate multiplier for a').default(1),
  /** Relative learning rate of the first layer w. */
  etaW: num(1e-3, 1e3, 'layer learning-rate multiplier for w').default(1),
  /** Final time. */
  T: num(1e-3, 1e5, 'final time').default(20),
  /** Number of records. */
  records: int(1, 20_000, 'number of records').default(200),
});
export type SingleNeuronScenario = z.infer<typeof singleNeuronSchema>;

/** NTK on the probes e1, e2, e1 + e2 (3×3, row-major), with the layer learning rates as metric. */
export function singleNeuronNtk(a: number, w0: number, w1: number, etaA: number, etaW: number): Float64Array {
  const probes = [[1, 0], [0, 1], [1, 1]];
  const K = new Float64Array(9);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
    const [x0, x1] = probes[i], [y0, y1] = probes[j];
    K[i * 3 + j] = etaW * a * a * (x0 * y0 + x1 * y1) + etaA * (w0 * x0 + w1 * x1) * (w0 * y0 + w1 * y1);
  }
  return K;
}

export function runSingleNeuron(s: SingleNeuronScenario, opts: RunOptions = {}): Trajectory {
  const nb = Math.hypot(s.beta0x, s.beta0y);
  // Coordinates with the requested δ (notebook's `coordinates`), generalised to layer rates:
  // η_w a² − η_a nb²/a² = δ  ⇒  a² = (δ + √(δ² + 4η_aη_w nb²)) / (2η_w).
  let a = Math.sqrt((s.delta + Math.sqrt(s.delta * s.delta + 4 * s.etaA * s.etaW * nb * nb)) / (2 * s.etaW));
  let w0 = s.beta0x / a, w1 = s.beta0y / a;
  const K0 = singleNeuronNtk(a, w0, w1, s.etaA, s.etaW);
  const steps = Math.max(1, Math.round(s.T / s.eta));
  const every = Math.max(1, Math.round(steps / s.records));
  const rec = new Recorder();
  const tick = progressTicker(steps, opts.onProgress);
  for (let k = 0; k <= steps; k++) {
    const b0 = a * w0, b1 = a * w1;
    const r0 = b0, r1 = b1 - 1; // ∇_β L = β − β*
    const loss = 0.5 * (r0 * r0 + r1 * r1);
    const bad = blowUpReason('loss', loss, 1e12);
    if (bad) { rec.diverge(k, bad); break; }
    if (k % every === 0 || k === steps) {
      const K = singleNeuronNtk(a, w0, w1, s.etaA, s.etaW);
      let ip = 0, n0 = 0, n1 = 0;
      for (let i = 0; i < 9; i++) { ip += K0[i] * K[i]; n0 += K0[i] * K0[i]; n1 += K[i] * K[i]; }
      if (!rec.record(k, k * s.eta, {
        a, w: [w0, w1], beta: [b0, b1], loss,
        delta: s.etaW * a * a - s.etaA * (w0 * w0 + w1 * w1),
        kernelDistance: 1 - ip / Math.sqrt(n0 * n1),
      })) break;
    }
    if (k === steps) break;
    // dw = a ∇_βL, da = w·∇_βL (notebook), scaled by the layer rates.
    const da = w0 * r0 + w1 * r1;
    w0 -= s.eta * s.etaW * a * r0;
    w1 -= s.eta * s.etaW * a * r1;
    a -= s.eta * s.etaA * da;
    tick(k);
  }
  const last = (key: string) => (rec.series[key] as number[] | undefined)?.at(-1) ?? NaN;
  return rec.finish(s, { loss: last('loss'), kernelDistance: last('kernelDistance'), deltaDrift: Math.abs(last('delta') - s.delta) });
}

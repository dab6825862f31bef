import { z } from 'zod';
import { Recorder, blowUpReason, progressTicker } from '../../core/recorder.ts';
import { createRng } from '../../core/rng.ts';
import { baseFields, int, num } from '../../core/schemaHelpers.ts';
import type { RunOptions, Trajectory } from '../../core/trajectory.ts';
import { createMlp, layerBlocks } from './mlp.ts';
import { createSharpness } from './sharpness.ts';

/**
 * Full-batch GD on a small tanh MLP fitting a Chebyshev polynomial, the default task of the in-browser
 * EoS tutorial (rfangit/edge-of-stability-browser). Shows progressive sharpening and
 * then sharpness hovering at 2/η (Cohen, Kaur, Li, Kolter & Talwalkar 2021, arXiv:2103.00065).
 */
export const eosMlpSchema = z.strictObject({
  ...baseFields('eos-mlp'),
  /** Hidden layer widths (input and output are scalar). */
  hidden: z.array(int(1, 256, 'hidden width')).min(1).max(4).default([30, 20]).describe('array of 1–4 hidden widths'),
  /** Degree k of the target T_k(x). */
  chebyshevDegree: int(0, 20, 'Chebyshev degree').default(6),
  /** Number of evenly spaced training points in [−1, 1]. */
  nTrain: int(2, 1000, 'training points').default(20),
  /** Learning rate η; EoS sharpness is 2/η. */
  eta: num(1e-4, 10, 'learning rate').default(0.2),
  /** Number of GD steps. */
  steps: int(1, 1_000_000, 'number of GD steps').default(5000),
  /** Record loss and sharpness every this many steps. */
  recordEvery: int(1, 100_000, 'steps between records').default(25),
  /** Power iterations per sharpness estimate (warm-started). */
  sharpnessIters: int(1, 500, 'power iterations per estimate').default(20),
});
export type EosMlpScenario = z.infer<typeof eosMlpSchema>;

export function chebyshevData(k: number, n: number): { xs: Float64Array; ys: Float64Array } {
  const xs = new Float64Array(n), ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = -1 + (2 * i) / (n - 1);
    xs[i] = x;
    ys[i] = Math.cos(k * Math.acos(Math.max(-1, Math.min(1, x))));
  }
  return { xs, ys };
}

export function runEosMlp(s: EosMlpScenario, opts: RunOptions = {}): Trajectory {
  const rng = createRng(s.seed);
  const sizes = [1, ...s.hidden, 1];
  const { xs, ys } = chebyshevData(s.chebyshevDegree, s.nTrain);
  const net = createMlp(sizes, xs, ys);
  const theta = new Float64Array(net.nParams), grad = new Float64Array(net.nParams);
  // W ~ N(0, 1/fan_in), biases 0, as in the tutorial.
  for (const blk of layerBlocks(sizes)) for (let i = 0; i < blk.count; i++) theta[blk.w + i] = rng.normal() / Math.sqrt(blk.fanIn);
  const sharp = createSharpness(net.nParams, (th, out) => net.lossGrad(th, out), s.sharpnessIters);
  const rec = new Recorder();
  const tick = progressTicker(s.steps, opts.onProgress);
  // A first, longer power iteration so the warm-started estimates start converged.
  sharp.estimate(theta);
  sharp.estimate(theta);
  for (let k = 0; k <= s.steps; k++) {
    const loss = net.lossGrad(theta, grad);
    const bad = blowUpReason('loss', loss, 1e10);
    if (bad) { rec.diverge(k, bad); break; }
    if (k % s.recordEvery === 0 || k === s.steps) {
      const S = sharp.estimate(theta);
      let gn = 0;
      for (let i = 0; i < grad.length; i++) gn += grad[i] * grad[i];
      if (!rec.record(k, k, { loss, sharpness: S, sharpnessTimesEtaOver2: (S * s.eta) / 2, gradNorm: Math.sqrt(gn) })) break;
    }
    if (k === s.steps) break;
    for (let i = 0; i < theta.length; i++) theta[i] -= s.eta * grad[i];
    tick(k);
  }
  const sh = rec.series.sharpness as number[] | undefined;
  const late = sh ? sh.slice(Math.floor(sh.length * 0.75)) : [];
  return rec.finish(s, {
    twoOverEta: 2 / s.eta,
    nParams: net.nParams,
    loss: (rec.series.loss as number[] | undefined)?.at(-1) ?? NaN,
    initialSharpness: sh?.[0] ?? NaN,
    maxSharpness: sh ? Math.max(...sh) : NaN,
    lateMeanSharpness: late.length ? late.reduce((a, b) => a + b, 0) / late.length : NaN,
  });
}

import { blowUpReason, progressTicker, type Recorder } from './recorder.ts';
import type { RunOptions } from './trajectory.ts';

export interface Descent2d {
  start: readonly [number, number];
  eta: number;
  steps: number;
  recordEvery: number;
  /** Exact gradient of the two-parameter loss. */
  grad(a: number, b: number): [number, number];
  /** Records the state at step k; returns false when the recorder stopped the run (non-finite value). */
  observe(k: number, a: number, b: number): boolean;
  /** How the blow-up guard names |a| + |b| in the divergence reason, e.g. "|x| + |y|". */
  sizeLabel: string;
}

/**
 * Full-batch GD on a two-parameter toy loss, recording every `recordEvery` steps and at the end, and stopping
 * with a divergence once |a| + |b| exceeds 1e6. Shared by the scalar two-layer landscape and the xy
 * edge-of-stability toy, whose only differences are the loss and the names of the two parameters.
 */
export function descend2d(d: Descent2d, rec: Recorder, opts: RunOptions = {}): [number, number] {
  let [a, b] = d.start;
  const tick = progressTicker(d.steps, opts.onProgress);
  for (let k = 0; k <= d.steps; k++) {
    if (k % d.recordEvery === 0 || k === d.steps) if (!d.observe(k, a, b)) break;
    if (k === d.steps) break;
    const [ga, gb] = d.grad(a, b);
    a -= d.eta * ga;
    b -= d.eta * gb;
    const bad = blowUpReason(d.sizeLabel, Math.abs(a) + Math.abs(b), 1e6);
    if (bad) { rec.diverge(k + 1, bad); break; }
    tick(k);
  }
  return [a, b];
}

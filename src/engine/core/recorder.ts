import type { Divergence, SeriesValue, Trajectory } from './trajectory.ts';

type RecordValue = number | ArrayLike<number>;

function finiteValue(v: RecordValue): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

/**
 * Collects records and enforces the engine's no-NaN contract: a record containing a non-finite
 * value is never stored; instead the run is marked diverged at that step, so callers get a
 * trajectory trimmed at the last good record plus the reason.
 */
export class Recorder {
  t: number[] = [];
  series: Record<string, SeriesValue> = {};
  diverged: Divergence | null = null;

  /** Store one record; returns false (and marks divergence) if any value is not finite. */
  record(step: number, t: number, values: Record<string, RecordValue>): boolean {
    if (this.diverged) return false;
    for (const [k, v] of Object.entries(values)) {
      if (!finiteValue(v)) {
        this.diverge(step, `${k} became ${typeof v === 'number' ? v : 'non-finite'} at step ${step}`);
        return false;
      }
    }
    this.t.push(t);
    for (const [k, v] of Object.entries(values)) {
      const s = (this.series[k] ??= []) as (number | number[])[];
      s.push(typeof v === 'number' ? v : Array.from(v));
    }
    return true;
  }

  diverge(step: number, reason: string): void {
    if (!this.diverged) this.diverged = { step, reason };
  }

  finish(scenario: object, final: Record<string, number | ArrayLike<number>>): Trajectory {
    const clean: Record<string, number | number[]> = {};
    for (const [k, v] of Object.entries(final)) {
      // Final values computed from a diverged state are dropped rather than reported as NaN.
      if (!finiteValue(v)) continue;
      clean[k] = typeof v === 'number' ? v : Array.from(v);
    }
    return {
      scenario: scenario as Record<string, unknown>,
      t: this.t,
      series: this.series,
      final: clean,
      diverged: this.diverged,
    };
  }
}

/** Blow-up guard shared by the iterative models: NaN/Inf or a value beyond `limit`. */
export function blowUpReason(name: string, value: number, limit = 1e12): string | null {
  if (!Number.isFinite(value)) return `${name} became ${value}`;
  if (Math.abs(value) > limit) return `${name} exceeded ${limit.toExponential(0)} (|${name}| = ${Math.abs(value).toExponential(2)})`;
  return null;
}

/** Calls onProgress roughly `ticks` times over `total` steps without per-step overhead. */
export function progressTicker(total: number, onProgress?: (f: number) => void, ticks = 100): (step: number) => void {
  if (!onProgress) return () => {};
  const every = Math.max(1, Math.floor(total / ticks));
  return (step: number) => {
    if (step % every === 0) onProgress(Math.min(1, step / total));
  };
}

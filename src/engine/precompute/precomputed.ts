import type { Trajectory } from '../core/trajectory.ts';

/** Shape of data/precomputed/<name>.json (committed; read by figures and by the reproduction test). */
export interface PrecomputedFile {
  name: string;
  engineVersion: string;
  /** Resolved scenario of the long run. */
  scenario: Record<string, unknown>;
  trajectory: Trajectory;
  /** A short prefix run (same scenario, fewer steps, dense records) that a test re-runs bit for bit. */
  checkpoint: { scenario: Record<string, unknown>; trajectory: Trajectory } | null;
  /** Wall-clock seconds of the long run on the machine that produced it (0 if it came from the cache). */
  seconds: number;
}

/** The prefix scenario used as checkpoint: same model and seed, `steps` cut and records dense. */
export function checkpointScenario(scenario: Record<string, unknown>, steps: number, every: number): Record<string, unknown> | null {
  if (typeof scenario.steps !== 'number' || typeof scenario.recordEvery !== 'number') return null;
  return { ...scenario, steps: Math.min(steps, scenario.steps), recordEvery: every };
}

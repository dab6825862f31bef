/**
 * The one result type every model returns. Series share the time axis `t` (one entry per record);
 * vector-valued series hold one row per record. Everything is plain JSON so figures, the worker
 * boundary and the build cache can pass it around unchanged.
 */
export type SeriesValue = number[] | number[][];

export interface Divergence {
  /** Optimisation step (or integrator step) at which the run was stopped. */
  step: number;
  /** Human-readable cause, e.g. "loss became NaN" or "loss exceeded 1e12". */
  reason: string;
}

export interface Trajectory {
  /** The resolved scenario (defaults filled in) that produced this trajectory. */
  scenario: Record<string, unknown>;
  t: number[];
  series: Record<string, SeriesValue>;
  final: Record<string, number | number[]>;
  diverged: Divergence | null;
}

export interface RunOptions {
  /** Called with a fraction in [0, 1] every few hundred steps; may throw to cancel cooperatively. */
  onProgress?: (fraction: number) => void;
}

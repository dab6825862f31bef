import type { Trajectory } from '../core/trajectory.ts';

/** Messages between the page and engineWorker.ts. */
export interface RunRequest {
  id: number;
  scenario: unknown;
}

export type WorkerMessage =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'result'; trajectory: Trajectory }
  | { id: number; type: 'error'; name: string; message: string; issues?: string[] };

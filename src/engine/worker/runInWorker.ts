/**
 * Browser API: run a scenario off the main thread.
 *
 *   const traj = await run(scenario, { onProgress: (f) => …, signal: controller.signal });
 *
 * Each run gets its own module worker; aborting terminates it (a pure-JS step loop cannot be
 * interrupted cooperatively from outside, so termination is the only instant cancel). Where
 * `Worker` does not exist (Node, tests), the scenario runs on the calling thread and cancellation
 * is cooperative: the abort is noticed at the next progress tick.
 */
import { ScenarioError } from '../core/scenarioError.ts';
import type { Trajectory } from '../core/trajectory.ts';
import type { WorkerMessage } from './protocol.ts';

export interface RunInWorkerOptions {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

function abortError(): Error {
  const e = new Error('The simulation was aborted');
  e.name = 'AbortError';
  return e;
}

let nextId = 1;

export function run(scenario: unknown, opts: RunInWorkerOptions = {}): Promise<Trajectory> {
  const { onProgress, signal } = opts;
  if (signal?.aborted) return Promise.reject(abortError());
  if (typeof Worker === 'undefined') return runHere(scenario, opts);
  return new Promise<Trajectory>((resolve, reject) => {
    const id = nextId++;
    const worker = new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module' });
    const cleanup = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      cleanup();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (ev: MessageEvent<WorkerMessage>) => {
      const msg = ev.data;
      if (msg.id !== id) return;
      if (msg.type === 'progress') onProgress?.(msg.fraction);
      else if (msg.type === 'result') {
        cleanup();
        resolve(msg.trajectory);
      } else {
        cleanup();
        reject(msg.issues ? new ScenarioError(msg.issues) : Object.assign(new Error(msg.message), { name: msg.name }));
      }
    };
    worker.onerror = (ev) => {
      cleanup();
      reject(new Error(`engine worker failed: ${ev.message}`));
    };
    worker.postMessage({ id, scenario });
  });
}

/**
 * Same contract on the current thread (no Worker available). The engine is imported here, not at the top:
 * a browser always has a Worker, and a static import would put a second copy of the engine in every page
 * that runs a figure (the worker has its own).
 */
function runHere(scenario: unknown, { onProgress, signal }: RunInWorkerOptions): Promise<Trajectory> {
  // Deferred so the caller can attach handlers / abort before work starts, as with a worker.
  return import('../core/runScenario.ts').then(({ runScenario }) => {
    if (signal?.aborted) throw abortError();
    const traj = runScenario(scenario, {
      onProgress: (f) => {
        if (signal?.aborted) throw abortError();
        onProgress?.(f);
      },
    });
    if (signal?.aborted) throw abortError();
    return traj;
  });
}

/**
 * Web Worker entry: receives {id, scenario}, runs it, posts progress and the result (or the error).
 * Created by runInWorker.ts with
 *   new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module' })
 * which Vite/Astro bundle as a module worker.
 */
import { runScenario } from '../core/runScenario.ts';
import { ScenarioError } from '../core/scenarioError.ts';
import type { RunRequest, WorkerMessage } from './protocol.ts';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<RunRequest>) => void) | null;
  postMessage(msg: WorkerMessage): void;
}
const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (ev) => {
  const { id, scenario } = ev.data;
  let last = -1;
  try {
    const trajectory = runScenario(scenario, {
      onProgress: (fraction) => {
        // Throttle to 1% steps so the main thread is not flooded.
        if (fraction - last >= 0.01 || fraction === 1) {
          last = fraction;
          scope.postMessage({ id, type: 'progress', fraction });
        }
      },
    });
    scope.postMessage({ id, type: 'result', trajectory });
  } catch (e) {
    const err = e as Error;
    scope.postMessage({ id, type: 'error', name: err.name, message: err.message, issues: e instanceof ScenarioError ? e.issues : undefined });
  }
};

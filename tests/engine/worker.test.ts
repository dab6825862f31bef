import { afterEach, describe, expect, it } from 'vitest';
import { runInWorker, ScenarioError } from '../../src/engine/index.ts';
import type { WorkerMessage } from '../../src/engine/worker/protocol.ts';

/**
 * Exercises the real worker entry (engineWorker.ts) and the Worker code path of runInWorker with a
 * fake Worker class: messages are delivered asynchronously, as in a browser, and terminate() is spied.
 */
type Scope = { onmessage: ((ev: { data: unknown }) => void) | null; postMessage: (m: WorkerMessage) => void };
const scope = globalThis as unknown as Scope & { Worker?: unknown };
let workerHandler: Scope['onmessage'] = null;
const terminated: number[] = [];

class FakeWorker {
  static count = 0;
  id = ++FakeWorker.count;
  onmessage: ((ev: { data: WorkerMessage }) => void) | null = null;
  onerror: ((ev: { message: string }) => void) | null = null;
  dead = false;
  constructor(url: URL, opts: { type: string }) {
    expect(url.href).toMatch(/engineWorker\.ts$/);
    expect(opts.type).toBe('module');
  }
  postMessage(data: unknown) {
    setTimeout(() => {
      // Route the worker's postMessage back to this instance, then run the real handler.
      scope.postMessage = (m) => setTimeout(() => !this.dead && this.onmessage?.({ data: m }), 0);
      workerHandler!({ data });
    }, 0);
  }
  terminate() {
    this.dead = true;
    terminated.push(this.id);
  }
}

describe('worker entry and runInWorker (fake Worker)', () => {
  afterEach(() => {
    delete scope.Worker;
  });

  it('the worker entry answers {id, scenario} with progress messages and a result', async () => {
    const posted: WorkerMessage[] = [];
    scope.postMessage = (m) => posted.push(m);
    await import('../../src/engine/worker/engineWorker.ts');
    workerHandler = scope.onmessage;
    expect(typeof workerHandler).toBe('function');
    workerHandler!({ data: { id: 7, scenario: { model: 'eos-xy', steps: 2000 } } });
    const result = posted.at(-1)!;
    expect(result).toMatchObject({ id: 7, type: 'result' });
    expect(posted.filter((m) => m.type === 'progress').length).toBeGreaterThan(10);
    workerHandler!({ data: { id: 8, scenario: { model: 'eos-xy', eta: -1 } } });
    expect(posted.at(-1)).toMatchObject({ id: 8, type: 'error', name: 'ScenarioError' });
    expect((posted.at(-1) as { issues: string[] }).issues[0]).toMatch(/^eta:/);
  });

  it('runInWorker resolves through a Worker, forwards progress, and terminates the worker afterwards', async () => {
    scope.Worker = FakeWorker;
    const fractions: number[] = [];
    const traj = await runInWorker({ model: 'eos-xy', steps: 3000 }, { onProgress: (f) => fractions.push(f) });
    expect(traj.t.length).toBeGreaterThan(10);
    expect(fractions.length).toBeGreaterThan(10);
    expect(terminated).toContain(FakeWorker.count);
  });

  it('runInWorker maps worker validation errors to ScenarioError and abort to AbortError (terminating the worker)', async () => {
    scope.Worker = FakeWorker;
    await expect(runInWorker({ model: 'eos-xy', x0: 'three' })).rejects.toBeInstanceOf(ScenarioError);
    const ctl = new AbortController();
    const p = runInWorker({ model: 'eos-xy', steps: 1000 }, { signal: ctl.signal });
    ctl.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(terminated).toContain(FakeWorker.count);
  });
});

import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelNames, parseScenario, runScenario, runInWorker, ScenarioError, stableStringify } from '../../src/engine/index.ts';
import { cachedRun, scenarioHash } from '../../src/engine/precompute/cachedRun.ts';

/** A small, fast scenario for every registered model. */
const small: Record<string, Record<string, unknown>> = {
  dln: { model: 'dln', widths: [4, 5, 4], init: { kind: 'gaussian', sigma: 0.01 }, optimizer: { kind: 'gd', eta: 0.05 }, T: 3, records: 10 },
  'dln-sgd': { model: 'dln', widths: [3, 4, 3], teacher: { singularValues: [2, 1] }, data: { kind: 'dataset', samples: 20 }, init: { kind: 'gaussian', sigma: 0.1 }, optimizer: { kind: 'sgd', eta: 0.05, batchSize: 4 }, labelNoise: 0.1, T: 2, records: 5 },
  diagonal: { model: 'diagonal', optimizer: 'sgd', T: 2, records: 5, oracle: false },
  'eos-xy': { model: 'eos-xy', steps: 100 },
  'eos-mlp': { model: 'eos-mlp', steps: 30, recordEvery: 10, hidden: [5, 4] },
  'kumar-grokking': { model: 'kumar-grokking', D: 5, P: 10, N: 6, steps: 50, records: 5, method: 'direct' },
  'modular-addition': { model: 'modular-addition', p: 7, embedSize: 8, hiddenSize: 6, steps: 20, recordEvery: 5 },
  'gromov-modular': { model: 'gromov-modular', p: 7, N: 20 },
  'ising-mf': { model: 'ising-mf', points: 11 },
  fold: { model: 'fold', T: 20, recordEvery: 10, window: 20 },
  'lazy-scaling': { model: 'lazy-scaling', width: 10, steps: 20, recordEvery: 5 },
  'single-neuron': { model: 'single-neuron', delta: -1, T: 0.5, records: 5 },
  'quartic-sde': { model: 'quartic-sde', steps: 200, paths: 20, records: 5 },
  'scalar-two-layer': { model: 'scalar-two-layer', steps: 50, recordEvery: 5 },
  mirage: { model: 'mirage', points: 11 },
  'dmft-linear': { model: 'dmft-linear', N: 16, T: 0.2, records: 5 },
};
const stochastic = ['quartic-sde', 'lazy-scaling', 'dln', 'dln-sgd', 'diagonal', 'eos-mlp', 'kumar-grokking', 'modular-addition', 'gromov-modular', 'fold', 'dmft-linear'];

describe('engine contract', () => {
  it('every registered model has a small test scenario here', () => {
    for (const m of modelNames()) expect(Object.values(small).map((s) => s.model)).toContain(m);
  });

  for (const [name, sc] of Object.entries(small)) {
    it(`${name}: same scenario and seed give byte-identical output; the trajectory is well-formed`, () => {
      const a = JSON.stringify(runScenario(sc)), b = JSON.stringify(runScenario(structuredClone(sc)));
      expect(a).toBe(b);
      const r = JSON.parse(a);
      expect(r.diverged).toBeNull();
      expect(a).not.toMatch(/NaN|Infinity/);
      for (const s of Object.values(r.series) as unknown[][]) expect(s.length).toBe(r.t.length);
      expect(r.scenario.model).toBe(sc.model);
      expect(r.scenario.seed).toBe(0);
    });
    if (stochastic.includes(name)) {
      it(`${name}: a different seed gives different output`, () => {
        expect(JSON.stringify(runScenario({ ...sc, seed: 7 }).series)).not.toBe(JSON.stringify(runScenario(sc).series));
      });
    }
  }

  it('resolves defaults and reports the resolved scenario', () => {
    const s = parseScenario({ model: 'eos-xy' });
    expect(s).toMatchObject({ model: 'eos-xy', seed: 0, eta: 0.2, x0: 3, y0: 0.2 });
  });

  it('rejects unknown fields, out-of-range values and unknown models with messages that name the field', () => {
    const issues = (json: unknown) => {
      try {
        parseScenario(json);
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        return (e as ScenarioError).issues.join('\n');
      }
      throw new Error('expected a ScenarioError');
    };
    expect(issues({ model: 'eos-xy', etta: 0.1 })).toMatch(/^etta: unknown field/);
    expect(issues({ model: 'eos-xy', eta: -1 })).toMatch(/^eta: .*(>=|too small).*range \[0\.0001, 2\]/i);
    expect(issues({ model: 'dln', optimizer: { kind: 'gd', eta: 100 } })).toMatch(/^optimizer\.eta: /);
    expect(issues({ model: 'dln', init: { kind: 'lambda', lambda: 1 }, widths: [3, 3, 3, 3] })).toMatch(/init\.kind: .*depth 2/);
    expect(issues({ model: 'nonsense' })).toMatch(/^model: unknown model "nonsense"; use one of .*dln/);
    expect(issues({ model: 'diagonal', sparsity: 50, d: 10 })).toMatch(/^sparsity: must be ≤ d = 10/);
    expect(issues([1, 2])).toMatch(/expected a JSON object/);
    expect(() => runScenario({ model: 'eos-xy', seed: -3 })).toThrow(/seed/);
  });

  it('runInWorker (no Worker in Node: same thread) reports progress, resolves, and honours AbortSignal', async () => {
    const fractions: number[] = [];
    const traj = await runInWorker({ model: 'eos-xy', steps: 5000 }, { onProgress: (f) => fractions.push(f) });
    expect(traj.t.length).toBeGreaterThan(10);
    expect(fractions.length).toBeGreaterThan(5);
    expect(fractions.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= fractions[i - 1]))).toBe(true);
    const ctl = new AbortController();
    const p = runInWorker({ model: 'eos-xy', steps: 200_000 }, { signal: ctl.signal, onProgress: (f) => f > 0.1 && ctl.abort() });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    await expect(runInWorker({ model: 'eos-xy', eta: 'fast' })).rejects.toBeInstanceOf(ScenarioError);
  });

  it('cachedRun stores results keyed by scenario hash and reuses them; key order does not matter', () => {
    const dir = mkdtempSync(join(tmpdir(), 'engine-cache-'));
    try {
      const sc = { model: 'eos-xy', steps: 300, eta: 0.1 };
      const a = cachedRun(sc, { dir });
      expect(readdirSync(dir)).toEqual([`${scenarioHash(sc)}.json`]);
      const b = cachedRun({ eta: 0.1, steps: 300, model: 'eos-xy' }, { dir });
      expect(b).toEqual(a);
      expect(readdirSync(dir).length).toBe(1);
      expect(scenarioHash({ ...sc, seed: 1 })).not.toBe(scenarioHash(sc));
      expect(stableStringify({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
      expect(JSON.parse(readFileSync(join(dir, `${scenarioHash(sc)}.json`), 'utf8'))).toEqual(a);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('CLI: prints the trajectory of a named scenario (exit 0) and rejects an invalid one with a message (exit 2)', () => {
    const node = process.execPath;
    const cli = ['--experimental-strip-types', '--no-warnings', 'src/engine/cli/simulate.ts'];
    const out = execFileSync(node, [...cli, 'eos-xy'], { encoding: 'utf8' });
    const traj = JSON.parse(out);
    expect(traj.scenario.model).toBe('eos-xy');
    const bad = spawnSync(node, [...cli, 'tests/engine/fixtures/invalid-scenario.json'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/eta/);
    expect(bad.stdout).toBe('');
    const diverging = spawnSync(node, [...cli, 'tests/engine/fixtures/diverging-scenario.json'], { encoding: 'utf8' });
    expect(diverging.status).toBe(0);
    expect(JSON.parse(diverging.stdout).diverged.step).toBeGreaterThan(0);
  });
});

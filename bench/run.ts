/**
 * npm run bench — steps per second of each model at two sizes, for the engine, a numpy reference
 * (bench/reference.py, single-threaded BLAS) and tfjs-core's CPU backend when installed. All three
 * rates are the best of REPEATS runs each.
 * Prints a table and writes bench/results.json (the README's Benchmarks table).
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { runScenario } from '../src/engine/core/runScenario.ts';
import { loadTf, tfjsStepsPerSecond } from './tfjsSteps.ts';

interface Case { model: string; label: string; size: Record<string, unknown>; steps: number; scenario: Record<string, unknown> }

const cases: Case[] = [];
const add = (model: string, label: string, size: Record<string, unknown>, steps: number, scenario: Record<string, unknown>) =>
  cases.push({ model, label, size, steps, scenario: { model, ...scenario } });
for (const [label, widths, steps] of [['6-6-6', [6, 6, 6], 40_000], ['32×4 layers', [32, 32, 32, 32], 4_000]] as const) {
  add('dln', label, { widths }, steps, { widths, init: { kind: 'gaussian', sigma: 1e-3 }, teacher: { singularValues: [3, 2, 1] }, optimizer: { kind: 'gd', eta: 1e-3 }, T: steps * 1e-3, records: 1, ntk: false });
}
for (const [label, n, d, steps] of [['n=20 d=40', 20, 40, 40_000], ['n=100 d=1000', 100, 1000, 2_000]] as const) {
  add('diagonal', label, { n, d }, steps, { n, d, eta: 0.01, T: steps * 0.01, records: 1, oracle: false });
}
for (const [label, hidden, steps] of [['1-30-20-1', [30, 20], 4_000], ['1-128-128-1', [128, 128], 300]] as const) {
  add('eos-mlp', label, { hidden }, steps, { hidden, eta: 0.1, steps, recordEvery: steps, sharpnessIters: 1 });
}
for (const [label, D, P, steps] of [['D=20 P=80', 20, 80, 4_000], ['D=50 P=400', 50, 400, 200]] as const) {
  add('kumar-grokking', label, { D, P }, steps, { D, P, steps, records: 2, method: 'closed' });
}
for (const [label, p, embedSize, hiddenSize, steps] of [['p=23 E=64 H=64', 23, 64, 64, 1_000], ['PAIR p=67 E=500 H=24', 67, 500, 24, 100]] as const) {
  add('modular-addition', label, { p, embedSize, hiddenSize }, steps, { p, embedSize, hiddenSize, steps, recordEvery: steps });
}

// Shared 2-core VMs drift by 2× between seconds: every rate is the best of REPEATS timed runs, for the
// engine, numpy and tfjs alike, so the ratio compares both at their undisturbed speed.
const REPEATS = 3;

function engineRate(c: Case): number {
  runScenario({ ...c.scenario }); // warm-up (JIT)
  let best = 0;
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    runScenario(c.scenario);
    best = Math.max(best, c.steps / ((performance.now() - t0) / 1000));
  }
  return best;
}

function numpyRate(c: Case): number | null {
  try {
    const out = execFileSync('python3', ['bench/reference.py', c.model, JSON.stringify(c.size), String(c.steps), String(REPEATS)], {
      encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
    });
    return JSON.parse(out).stepsPerSecond;
  } catch {
    return null;
  }
}

const tf = await loadTf();
const fmt = (x: number | null) => (x === null ? 'n/a' : x >= 100 ? x.toFixed(0) : x.toPrecision(3));
const rows = cases.map((c) => {
  const engine = engineRate(c);
  const numpy = numpyRate(c);
  const tfjs = tf ? tfjsStepsPerSecond(tf, c.model, c.size, Math.max(5, Math.round(c.steps / 10)), REPEATS) : null;
  const row = { model: c.model, size: c.label, engine, numpy, tfjs, vsNumpy: numpy ? engine / numpy : null, vsTfjs: tfjs ? engine / tfjs : null };
  console.log([row.model.padEnd(17), row.size.padEnd(22), fmt(engine).padStart(9), fmt(numpy).padStart(9), fmt(tfjs).padStart(7), fmt(row.vsNumpy).padStart(6), fmt(row.vsTfjs).padStart(6)].join(' '));
  return row;
});
const machine = {
  nproc: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  numpy: (() => { try { return execFileSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' }).trim(); } catch { return 'n/a'; } })(),
  tfjs: tf ? 'tfjs-core + tfjs-backend-cpu' : 'unavailable: @tensorflow/tfjs-core has no CPU backend; @tensorflow/tfjs-backend-cpu would be needed',
  date: new Date().toISOString(),
};
console.log(`\ncolumns: model, size, engine steps/s, numpy steps/s, tfjs-cpu steps/s, engine/numpy, engine/tfjs\nmachine: ${JSON.stringify(machine)}`);
writeFileSync('bench/results.json', JSON.stringify({ machine, rows }, null, 2) + '\n');

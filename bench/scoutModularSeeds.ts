/**
 * Scouts seeds of the modular-addition scenario: runs each for a short prefix and prints weight norm,
 * test loss and test accuracy. Runs that will grok shed weight norm early (PAIR: 46 at 20k steps);
 * stuck ones sit near 50–51 (docs/engine.md). Usage:
 *   node --experimental-strip-types bench/scoutModularSeeds.ts <scenario-name> <steps> <seed> [<seed> …]
 */
import { readFileSync } from 'node:fs';
import { runScenario } from '../src/engine/core/runScenario.ts';

const [name, stepsArg, ...seeds] = process.argv.slice(2);
const base = JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8'));
for (const seed of seeds.map(Number)) {
  const t0 = Date.now();
  const r = runScenario({ ...base, seed, steps: Number(stepsArg), recordEvery: 2000 });
  const s = r.series as Record<string, number[]>;
  const rows = r.t.map((t, i) => `${t}:${s.weightNorm[i].toFixed(1)}/${s.testLoss[i].toFixed(3)}/${s.testAcc[i].toFixed(3)}`);
  console.log(`seed ${seed} (${((Date.now() - t0) / 1000).toFixed(0)} s) norm/testLoss/testAcc ${rows.join(' ')}`);
}

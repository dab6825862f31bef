/**
 * npm run precompute -- <scenario-name> [--checkpoint-steps 300] [--checkpoint-every 10]
 * Runs scenarios/<name>.json once (through the build cache) and writes data/precomputed/<name>.json
 * with the resolved scenario, ENGINE_VERSION, the trajectory and a short reproducible checkpoint.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseScenario, runScenario } from '../core/runScenario.ts';
import { ENGINE_VERSION } from '../core/version.ts';
import { cachedRun } from '../precompute/cachedRun.ts';
import { checkpointScenario, type PrecomputedFile } from '../precompute/precomputed.ts';
import { loadScenarioArg } from './loadScenario.ts';

const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith('--'));
const opt = (flag: string, dflt: number) => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
if (!name) {
  process.stderr.write('usage: npm run precompute -- <scenario-name> [--checkpoint-steps N] [--checkpoint-every K]\n');
  process.exit(2);
}
const { name: base, json } = loadScenarioArg(name);
const scenario = parseScenario(json);
const t0 = Date.now();
let lastPrint = 0;
const trajectory = cachedRun(json, {
  onProgress: (f) => {
    if (Date.now() - lastPrint > 10_000) {
      lastPrint = Date.now();
      process.stderr.write(`${base}: ${(100 * f).toFixed(1)}% after ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    }
  },
});
const seconds = (Date.now() - t0) / 1000;
const cs = checkpointScenario(scenario, opt('--checkpoint-steps', 300), opt('--checkpoint-every', 10));
const out: PrecomputedFile = {
  name: base,
  engineVersion: ENGINE_VERSION,
  scenario,
  trajectory,
  checkpoint: cs ? { scenario: cs, trajectory: runScenario(cs) } : null,
  seconds,
};
mkdirSync('data/precomputed', { recursive: true });
writeFileSync(`data/precomputed/${base}.json`, JSON.stringify(out) + '\n');
process.stderr.write(`wrote data/precomputed/${base}.json (${seconds.toFixed(0)} s, diverged: ${JSON.stringify(trajectory.diverged)})\n`);

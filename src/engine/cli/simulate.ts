/**
 * npm run --silent simulate -- <scenario.json | scenario-name>
 * Prints the trajectory JSON on stdout; exit 0 (also when the run diverged), 2 for invalid input.
 */
import { runScenario } from '../core/runScenario.ts';
import { ScenarioError } from '../core/scenarioError.ts';
import { loadScenarioArg } from './loadScenario.ts';

const arg = process.argv[2];
if (!arg) {
  process.stderr.write('usage: npm run --silent simulate -- <scenario.json | scenario-name>\n');
  process.exit(2);
}
try {
  const { json } = loadScenarioArg(arg);
  const traj = runScenario(json);
  process.stdout.write(JSON.stringify(traj) + '\n');
} catch (e) {
  if (e instanceof ScenarioError || e instanceof SyntaxError || (e instanceof Error && e.message.startsWith('no scenario'))) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  throw e;
}

import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Resolve a CLI argument: a path to a JSON file, or a name of scenarios/<name>.json. */
export function loadScenarioArg(arg: string): { name: string; json: unknown } {
  const asFile = resolve(arg);
  const named = resolve('scenarios', `${arg}.json`);
  const path = arg.endsWith('.json') && existsSync(asFile) ? asFile : existsSync(named) ? named : null;
  if (!path) throw new Error(`no scenario file ${arg} and no scenarios/${arg}.json`);
  const name = path.replace(/^.*\//, '').replace(/\.json$/, '');
  return { name, json: JSON.parse(readFileSync(path, 'utf8')) };
}

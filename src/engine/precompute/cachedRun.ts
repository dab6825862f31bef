/**
 * Build-time cache (Node only; not exported from the browser barrel). A run is keyed by
 * sha256(stableStringify(resolved scenario) + ENGINE_VERSION), so repeated site builds reuse results
 * and any engine change that bumps ENGINE_VERSION invalidates them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, runScenario } from '../core/runScenario.ts';
import { stableStringify } from '../core/stableStringify.ts';
import type { RunOptions, Trajectory } from '../core/trajectory.ts';
import { ENGINE_VERSION } from '../core/version.ts';

export function scenarioHash(json: unknown): string {
  const resolved = parseScenario(json);
  return createHash('sha256').update(stableStringify(resolved) + '\n' + ENGINE_VERSION).digest('hex');
}

export interface CacheOptions extends RunOptions {
  /** Directory of the cache; default .cache/engine under the current working directory. */
  dir?: string;
}

export function cachedRun(json: unknown, opts: CacheOptions = {}): Trajectory {
  const dir = opts.dir ?? join(process.cwd(), '.cache', 'engine');
  const file = join(dir, `${scenarioHash(json)}.json`);
  if (existsSync(file)) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Trajectory;
    } catch {
      // A truncated file from an interrupted build is recomputed below.
    }
  }
  const traj = runScenario(json, opts);
  mkdirSync(dir, { recursive: true });
  // Write then rename so a concurrent reader never sees half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(traj));
  renameSync(tmp, file);
  return traj;
}

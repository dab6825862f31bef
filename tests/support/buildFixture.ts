import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const fixture = resolve('tests/fixtures/site');

/**
 * Copies the small fixture site, lets the test break one file, and runs a real `astro build` on it
 * (output and cache in the temporary folder). Returns the exit code and everything the build printed.
 */
export function buildFixture(edit: (root: string) => void): { code: number; output: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'course-fixture-'));
  cpSync(fixture, root, { recursive: true });
  edit(root);
  const result = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
    encoding: 'utf8',
    env: { ...process.env, COURSE_CONTENT_ROOT: root, COURSE_OUT_DIR: join(root, 'dist'), COURSE_CACHE_DIR: join(root, '.cache'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { code: result.status ?? -1, output: `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, ''), root };
}

/** Replaces text in one fixture file, failing loudly if the text is not there (so the test cannot pass vacuously). */
export function replaceIn(root: string, file: string, from: string | RegExp, to: string): void {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did nothing: ${String(from)} not found in ${file}`);
  writeFileSync(path, next);
}

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../support/staticServer.ts';

/** Serves dist/ (built by `npm run build` before the tests) for every end-to-end test file. */
export default async function setup(project: TestProject) {
  const dist = resolve(process.env.COURSE_DIST ?? 'dist');
  if (!existsSync(`${dist}/index.html`)) throw new Error(`No built site in ${dist}: run "npm run build" first (npm test does).`);
  const { server, origin } = await serveStatic(dist);
  project.provide('origin', origin);
  project.provide('dist', dist);
  return () => new Promise<void>((r) => server.close(() => r()));
}

declare module 'vitest' {
  export interface ProvidedContext { origin: string; dist: string }
}

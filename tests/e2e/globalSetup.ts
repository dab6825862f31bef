import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../src/handouts/staticServer.ts';
import { builtBase } from '../../src/handouts/builtBase.ts';
import { TEST_SITE_DIST } from '../support/testSite.ts';

/**
 * Serves the site `npm test` built (`npm run build:test`: BASE_PATH=/course/, into TEST_SITE_DIST) for every
 * end-to-end file, only under its base path, as a GitHub Pages project site is: every URL outside it answers
 * 404, and tests/support/browser.ts counts a request outside it as leaving the site. So every browser test also
 * checks that the site works under a sub-path. COURSE_DIST serves another build (dist/ after `npm run build`,
 * at the root); the base path is read from the build itself.
 */
export default async function setup(project: TestProject) {
  const dist = resolve(process.env.COURSE_DIST ?? TEST_SITE_DIST);
  const home = `${dist}/index.html`;
  if (!existsSync(home)) throw new Error(`No built site in ${dist}: run "npm run build:test" first (npm test does), or point COURSE_DIST at a build.`);
  const base = builtBase(dist);
  const { server, origin } = await serveStatic(dist, 0, base);
  project.provide('origin', origin);
  project.provide('site', origin + base.replace(/\/$/, ''));
  project.provide('base', base);
  project.provide('dist', dist);
  return () => new Promise<void>((r) => server.close(() => r()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server's origin, e.g. http://127.0.0.1:41234. */
    origin: string;
    /** Where the site starts, with no trailing slash: origin + base path (http://127.0.0.1:41234/course). A page's
     *  URL is site + its path from builtPages ("/readings/"). */
    site: string;
    /** The base path the site was built for, with both slashes ("/course/" or "/"). */
    base: string;
    dist: string;
  }
}

import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { recordedLinks } from './linkRegistry.ts';
import { findBrokenLinks } from './checkLinks.ts';

/** Astro integration that fails the build when content links to a page or slide that was not built. */
export function courseChecks(options: { contentRoot: string }): AstroIntegration {
  return {
    name: 'course-checks',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const errors = findBrokenLinks(fileURLToPath(dir), recordedLinks(), options.contentRoot);
        if (errors.length > 0) {
          throw new Error(`Broken internal link(s):\n${errors.join('\n')}`);
        }
      },
    },
  };
}

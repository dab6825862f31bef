/**
 * Where `npm run build:test` writes the site the end-to-end tests serve (package.json), and the base path it is
 * built for: a sub-path, so that every browser test also checks the site works when published under one.
 */
export const TEST_SITE_DIST = 'node_modules/.cache/course-test/dist';
export const TEST_SITE_BASE = '/course/';

/**
 * A same-site link as the site's own paths are written in tests ("/readings/saxe-2014/"): the base path taken
 * off. A link that is not under the base path comes back unchanged, so a comparison with a page path fails.
 */
export function pagePath(href: string, base: string): string {
  return base !== '/' && href.startsWith(base) ? href.slice(base.length - 1) : href;
}

import { readFileSync } from 'node:fs';

/**
 * The base path a build was made for ("/course/" or "/"), read from the build itself: every layout writes the
 * favicon link under the base, so the home page's names it.
 */
export function builtBase(dist: string): string {
  const file = `${dist}/index.html`;
  const href = /<link rel="icon"[^>]*href="([^"]*)favicon\.svg"/.exec(readFileSync(file, 'utf8'))?.[1];
  if (href === undefined || !href.startsWith('/')) throw new Error(`${file}: no <link rel="icon" href="…/favicon.svg"> to read the base path from`);
  return href;
}

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RecordedLink } from './linkRegistry.ts';

/** The built HTML file a site URL path resolves to, or null when there is none. */
function pageFor(dist: string, path: string): string | null {
  const clean = decodeURIComponent(path.replace(/[?].*$/, ''));
  const candidates = [join(dist, clean), join(dist, clean, 'index.html'), join(dist, `${clean.replace(/\/$/, '')}.html`)];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/**
 * Checks recorded internal links against the built site and returns one readable message per broken link:
 * the target page must exist, and a `#id` or reveal `#/id` fragment must be an element id on that page.
 */
export function findBrokenLinks(dist: string, links: readonly RecordedLink[], root: string): string[] {
  const errors: string[] = [];
  const cache = new Map<string, string>();
  for (const link of links) {
    const [path, hash = ''] = link.url.split('#');
    const at = `${relative(root, link.file)}:${link.line}:${link.column}`;
    const page = pageFor(dist, path || '/');
    if (!page) {
      errors.push(`${at}  link to "${link.url}": no page "${path}" exists. Fix the path (pages live under /slides/, /readings/, /exercises/).`);
      continue;
    }
    const id = hash.replace(/^\//, '').split('/')[0];
    if (!id) continue;
    if (!cache.has(page)) cache.set(page, readFileSync(page, 'utf8'));
    if (!cache.get(page)!.includes(`id="${id}"`)) {
      const what = hash.startsWith('/') ? 'slide id' : 'anchor';
      errors.push(`${at}  link to "${link.url}": page "${path}" has no ${what} "${id}". Slide ids are the slugs of slide headings.`);
    }
  }
  return errors;
}

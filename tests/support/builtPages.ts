import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** URL paths of every built HTML page (Pagefind's own assets excluded). */
export function builtPages(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) { if (name !== 'pagefind' && name !== '_astro') walk(full); }
      else if (name === 'index.html') out.push(`/${relative(dist, dir)}${dir === dist ? '' : '/'}`);
    }
  };
  walk(dist);
  return out.sort();
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { bibKeys } from './bibKeys.ts';
import { recordLink } from './linkRegistry.ts';

interface ReadingRefs { prerequisites?: unknown; related?: unknown; companions?: unknown }

/** The 1-based line of the first frontmatter line that mentions `value`, for error positions. */
function lineOf(source: string, value: string): number {
  const lines = source.split('\n');
  const end = lines.indexOf('---', 1);
  const i = lines.slice(0, end > 0 ? end : lines.length).findIndex((l) => l.includes(value));
  return i >= 0 ? i + 1 : 1;
}

/**
 * Checks what a reading's frontmatter points at: `prerequisites` and `related` name readings that exist
 * (or, for a prerequisite, a deck slide, recorded as a link that the build checks against the built deck),
 * and `companions` name keys of references.bib. The schema can only check their shape; this names the
 * file and line of a dangling one.
 */
export function remarkCheckReadingRefs(options: { readingsDir: string; bibPath: string }) {
  const readingsDir = resolve(options.readingsDir);
  return (_tree: Root, file: VFile) => {
    if (!file.path || resolve(dirname(file.path)) !== readingsDir) return;
    const fm = ((file.data as { astro?: { frontmatter?: ReadingRefs } }).astro?.frontmatter ?? {}) as ReadingRefs;
    // Astro hands MDX to remark without its frontmatter: read the file for the lines of frontmatter values.
    const source = readFileSync(file.path, 'utf8');
    const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    const at = (value: string) => ({ line: lineOf(source, value), column: 1 });
    const readingExists = (slug: string) => existsSync(join(readingsDir, `${slug}.mdx`));
    for (const p of list(fm.prerequisites)) {
      const [target, slide] = p.split('#');
      if (slide) recordLink({ url: `/slides/${target}/#/${slide}`, file: file.path, ...at(p) });
      else if (!readingExists(target)) file.fail(`Unknown prerequisite "${p}": no readings/${target}.mdx. Use a reading slug, or a slide as deck#slide-id.`, at(p), 'readings:prerequisite');
    }
    for (const r of list(fm.related)) {
      if (!readingExists(r)) file.fail(`Unknown related reading "${r}": no readings/${r}.mdx. List slugs of existing readings.`, at(r), 'readings:related');
    }
    const known = bibKeys(options.bibPath);
    for (const k of list(fm.companions)) {
      if (!known.has(k)) file.fail(`Unknown companion "${k}": add it to references.bib or fix the key.`, at(k), 'readings:companion');
    }
  };
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** What the slide pipeline needs to know about one annotated reading, read from its frontmatter. */
export interface ReadingRef {
  slug: string;
  title: string;
  authors: string[];
  year: number;
  bibkey: string;
  companions: string[];
}

/**
 * The annotated readings in `readings/`, read straight from their frontmatter. Remark passes run outside
 * Astro's content layer, so they cannot ask it; the schema has already validated these fields when the
 * reading itself is built, and a reading with broken frontmatter fails the build there with its own error.
 */
export function readingIndex(readingsDir: string): ReadingRef[] {
  let files: string[];
  try {
    files = readdirSync(readingsDir).filter((f) => f.endsWith('.mdx')).sort();
  } catch {
    return [];
  }
  return files.flatMap((f) => {
    const text = readFileSync(join(readingsDir, f), 'utf8');
    const fm = /^---\n([\s\S]*?)\n---/.exec(text);
    if (!fm) return [];
    const data = parse(fm[1]) as Partial<ReadingRef>;
    if (!data?.bibkey || !data.title) return [];
    return [{ slug: f.replace(/\.mdx$/, ''), title: data.title, authors: data.authors ?? [], year: Number(data.year), bibkey: data.bibkey, companions: data.companions ?? [] }];
  });
}

/** "Saxe et al. (2014)": how a slide names a paper in its small link to the reading. */
export function shortCitation(r: Pick<ReadingRef, 'authors' | 'year'>): string {
  const surname = (name: string) => name.trim().split(/\s+/).at(-1) ?? name;
  const names = r.authors.length === 1 ? surname(r.authors[0]) : r.authors.length === 2 ? `${surname(r.authors[0])} & ${surname(r.authors[1])}` : `${surname(r.authors[0])} et al.`;
  return `${names} (${r.year})`;
}

/**
 * Bib key → the reading that covers it: its own paper first, then papers it is read together with, so a
 * slide citing Cohen et al. (2021) points at the reading that tours it as a companion.
 */
export function readingForKey(readings: readonly ReadingRef[]): Map<string, ReadingRef> {
  const map = new Map<string, ReadingRef>();
  for (const r of readings) map.set(r.bibkey, r);
  for (const r of readings) for (const k of r.companions) if (!map.has(k)) map.set(k, r);
  return map;
}

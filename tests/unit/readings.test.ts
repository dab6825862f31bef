import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readingFrontmatter } from '../../src/content/schemas/readingFrontmatter.ts';
import { bibKeys } from '../../src/authoring/bibKeys.ts';
import { readingForKey, readingIndex, shortCitation } from '../../src/authoring/readingIndex.ts';
import { remarkSlides } from '../../src/authoring/remarkSlides.ts';
import { remarkSlideReadings, type SlideCitation } from '../../src/authoring/remarkSlideReadings.ts';
import { remarkCheckReadingRefs } from '../../src/authoring/remarkCheckReadingRefs.ts';
import { readingConnections } from '../../src/content/readingConnections.ts';
import { matchesQuery } from '../../src/islands/bibliographyFilter.ts';
import { runRemark } from '../support/mdx.ts';

const root = join(import.meta.dirname, '../..');
const readingsDir = join(root, 'readings');
const slugs = readdirSync(readingsDir).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
const frontmatter = (slug: string) => parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(readingsDir, `${slug}.mdx`), 'utf8'))![1]);
const known = bibKeys(join(root, 'references.bib'));

describe('every annotated reading in readings/', () => {
  for (const slug of slugs) {
    it(`${slug} has valid frontmatter naming a bib key, companions and readings that exist`, () => {
      const data = readingFrontmatter.parse(frontmatter(slug));
      expect(known.has(data.bibkey), `bibkey ${data.bibkey} is not in references.bib`).toBe(true);
      expect(data.companions.filter((k) => !known.has(k))).toEqual([]);
      const readingRefs = [...data.related, ...data.prerequisites.filter((p) => !p.includes('#'))];
      expect(readingRefs.filter((s) => !slugs.includes(s))).toEqual([]);
      expect(data.related).not.toContain(slug);
    });
  }
  it('gives each paper one reading and each reading its own place in the order', () => {
    const all = slugs.map((s) => readingFrontmatter.parse(frontmatter(s)));
    expect(new Set(all.map((r) => r.bibkey)).size).toBe(all.length);
    expect(new Set(all.map((r) => r.order)).size).toBe(all.length);
  });
});

// A scratch content root with two readings and a deck.
const dir = mkdtempSync(join(tmpdir(), 'readings-'));
const slidesDir = join(dir, 'slides');
const scratchReadings = join(dir, 'readings');
mkdirSync(slidesDir);
mkdirSync(scratchReadings);
const bibPath = join(dir, 'references.bib');
writeFileSync(bibPath, '@article{damian2023self, title={S}}\n@article{cohen2021gradient, title={E}}\n@article{saxe2014exact, title={X}}\n');
writeFileSync(join(scratchReadings, 'damian-2023.mdx'), '---\ntitle: "Self-stabilization"\nauthors: [Alex Damian, Eshaan Nichani, Jason D. Lee]\nyear: 2023\nbibkey: damian2023self\ncompanions: [cohen2021gradient]\nrelated: [nowhere-1999]\n---\n\nText.\n');
writeFileSync(join(scratchReadings, 'saxe-2014.mdx'), '---\ntitle: "Exact solutions"\nauthors: [Andrew M. Saxe, James L. McClelland, Surya Ganguli]\nyear: 2014\nbibkey: saxe2014exact\ncompanions: [cohen2021gradient, ghost2000]\n---\n\nText.\n');

describe('readingIndex', () => {
  it('reads each reading\'s key, companions and names from its frontmatter', () => {
    const index = readingIndex(scratchReadings);
    expect(index.map((r) => r.slug)).toEqual(['damian-2023', 'saxe-2014']);
    expect(shortCitation(index[0])).toBe('Damian et al. (2023)');
    expect(shortCitation({ authors: ['Blake Bordelon', 'Cengiz Pehlevan'], year: 2022 })).toBe('Bordelon & Pehlevan (2022)');
  });
  it('maps a paper to its own reading before any reading that takes it as a companion', () => {
    const forKey = readingForKey(readingIndex(scratchReadings));
    expect(forKey.get('saxe2014exact')?.slug).toBe('saxe-2014');
    expect(forKey.get('cohen2021gradient')?.slug).toBe('damian-2023');
  });
});

describe('remarkSlideReadings', () => {
  const deck = '# Title\n\n---\n\n## Edge of stability\n\nSharpness hovers at 2/eta [@cohen2021gradient].\n\nNote: Say it slowly.\n\n---\n\n## No citation\n\nText.\n\n---\n\n## Cited in the notes only\n\nText.\n\nNote: See [@saxe2014exact].\n';
  const run = () => runRemark(deck, [[remarkSlides, { slidesDir }], [remarkSlideReadings, { slidesDir, readingsDir: scratchReadings }]], join(slidesDir, 'deck.mdx'));

  it('adds a reading link to a slide whose body cites a paper, and the full title to its notes', async () => {
    const { tree } = await run();
    const json = JSON.stringify(tree);
    const slide = (tree.children as { attributes?: { name: string; value: string }[] }[]).find((s) => s.attributes?.some((a) => a.value === 'edge-of-stability'))!;
    const text = JSON.stringify(slide);
    expect(text).toContain('"url":"/readings/damian-2023/"');
    expect(text).toContain('Damian et al. (2023)');
    expect(text).toContain('Self-stabilization');
    expect(json.match(/slide-reading/g)).toHaveLength(1);
  });
  it('lists each slide with the keys its body cites, ignoring citations only in the notes', async () => {
    const { file } = await run();
    const cited = (file.data as { astro: { frontmatter: { slideCitations: SlideCitation[] } } }).astro.frontmatter.slideCitations;
    expect(cited.map((c) => [c.id, c.keys])).toEqual([['title', []], ['edge-of-stability', ['cohen2021gradient']], ['no-citation', []], ['cited-in-the-notes-only', []]]);
  });
});

describe('remarkCheckReadingRefs', () => {
  const check = (slug: string) =>
    runRemark('Text.', [[() => (_t: unknown, f: { data: Record<string, unknown> }) => { f.data.astro = { frontmatter: frontmatterOf(slug) }; }], [remarkCheckReadingRefs, { readingsDir: scratchReadings, bibPath }]], join(scratchReadings, `${slug}.mdx`));
  const frontmatterOf = (slug: string) => parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(scratchReadings, `${slug}.mdx`), 'utf8'))![1]);
  it('fails on a related reading that does not exist, naming its frontmatter line', async () => {
    const err = await check('damian-2023').catch((e) => e);
    expect(String(err)).toMatch(/Unknown related reading "nowhere-1999"/);
    expect(err.line).toBe(7);
  });
  it('fails on a companion that references.bib lacks', async () => {
    await expect(check('saxe-2014')).rejects.toThrow(/Unknown companion "ghost2000"/);
  });
});

describe('readingConnections', () => {
  const decks = [
    { id: 'lecture-one', title: 'One', files: [{ slideCitations: [{ id: 'title', title: 'One', keys: [] }, { id: 'a', title: 'A', keys: ['x'] }] }, { slideCitations: [{ id: 'b', title: 'B', keys: ['y', 'z'] }] }] },
    { id: 'lecture-two', title: 'Two', files: [{ slideCitations: [{ id: 'title', title: 'Two', keys: [] }, { id: 'c', title: 'C', keys: ['z'] }] }] },
  ];
  it('numbers slides across a deck\'s files as the deck counts them, title slide first', () => {
    const { slides } = readingConnections(['y'], decks, []);
    expect(slides).toEqual([{ deck: 'lecture-one', lecture: 1, deckTitle: 'One', slideId: 'b', slideNumber: 3, title: 'B', href: '/slides/lecture-one/#/b' }]);
  });
  it('finds slides and exercises citing the paper or a companion, in lecture order', () => {
    const { slides, exercises } = readingConnections(['x', 'z'], decks, [{ id: 'set', title: 'Set', citedKeys: ['z'] }, { id: 'other', title: 'Other', citedKeys: ['q'] }]);
    expect(slides.map((s) => `${s.lecture}:${s.slideNumber}:${s.slideId}`)).toEqual(['1:2:a', '1:3:b', '2:2:c']);
    expect(exercises).toEqual([{ id: 'set', title: 'Set', href: '/exercises/set/' }]);
  });
});

describe('the bibliography filter', () => {
  it('keeps an entry only if every word typed occurs in it, ignoring case and accents', () => {
    const entry = 'Dominé, C. C., Anguita, N., … (2025). From lazy to rich. ICLR.';
    expect(matchesQuery(entry, '')).toBe(true);
    expect(matchesQuery(entry, 'domine rich')).toBe(true);
    expect(matchesQuery(entry, 'LAZY 2025')).toBe(true);
    expect(matchesQuery(entry, 'lazy 2024')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { VFile } from 'vfile';
import { remarkTitleSlide, formatDeckDate } from '../../src/authoring/remarkTitleSlide.ts';
import { runRemark } from '../support/mdx.ts';
import { venueAndYear } from '../../src/content/venueAndYear.ts';
import { exerciseLabel } from '../../src/content/exerciseLabel.ts';

const withFrontmatter = (fm: Record<string, unknown>) => () => (_: unknown, file: VFile) => { file.data.astro = { frontmatter: fm }; };
const plugins = (fm: Record<string, unknown>) => [withFrontmatter(fm), [remarkTitleSlide, { slidesDir: '/content/slides', courseName: 'Training Dynamics' }]] as never;
const deckSource = '# Implicit regularization\n\nSubtitle\n\nNote: Say hello.\n\n---\n\n## Outline\n\nText';
const texts = (node: unknown): string => {
  const n = node as { value?: string; children?: unknown[] };
  return (n.value ?? '') + (n.children ?? []).map(texts).join('');
};

describe('title slide line', () => {
  it('names the course, the lecture and the front-matter date, before the speaker notes', async () => {
    const { tree } = await runRemark(deckSource, plugins({ date: new Date('2026-11-22T00:00:00Z'), order: 1 }), '/content/slides/implicit-regularization/index.mdx');
    const i = tree.children.findIndex((n) => (n.data as { hProperties?: { className?: string[] } } | undefined)?.hProperties?.className?.includes('deck-meta'));
    expect(i).toBe(2);
    expect(texts(tree.children[i])).toBe('Training Dynamics · Lecture 1 · 22 November 2026');
    expect(texts(tree.children[i + 2])).toMatch(/^Note: Say hello/);
  });

  it("links the deck's three printed handouts, by the names the handouts command writes", async () => {
    const { tree } = await runRemark(deckSource, plugins({ order: 1 }), '/content/slides/implicit-regularization/index.mdx');
    const line = tree.children.find((n) => (n.data as { hProperties?: { className?: string[] } } | undefined)?.hProperties?.className?.includes('deck-handouts'));
    expect(texts(line)).toBe('Handouts (PDF): slides · with speaker notes · three per page, to write on');
    const hrefs = JSON.stringify(line).match(/"href":"[^"]+"/g);
    expect(hrefs).toEqual(['"href":"/handouts/implicit-regularization-slides.pdf"', '"href":"/handouts/implicit-regularization-notes.pdf"', '"href":"/handouts/implicit-regularization-compact.pdf"']);
  });

  it('leaves section files and decks without a level-1 title alone', async () => {
    const part = await runRemark(deckSource, plugins({ date: '2026-11-22', order: 1 }), '/content/slides/implicit-regularization/02-loss.mdx');
    expect(JSON.stringify(part.tree)).not.toContain('deck-meta');
    const noTitle = await runRemark('## Outline\n\nText', plugins({ date: '2026-11-22' }), '/content/slides/deck.mdx');
    expect(JSON.stringify(noTitle.tree)).not.toContain('deck-meta');
  });

  it('reads dates given as YAML dates or strings', () => {
    expect(formatDeckDate('2026-03-05')).toEqual({ iso: '2026-03-05', text: '5 March 2026' });
    expect(formatDeckDate('soon')).toBeNull();
  });
});

describe('page labels', () => {
  it('does not repeat a year the venue already names', () => {
    expect(venueAndYear('ICLR 2014', 2014)).toBe('ICLR 2014');
    expect(venueAndYear('Neural Networks', 1989)).toBe('Neural Networks (1989)');
    expect(venueAndYear('NeurIPS 20140', 2014)).toBe('NeurIPS 20140 (2014)');
  });

  it('numbers exercise sets among sets only, so a warm-up placed first does not shift them', () => {
    const all = [
      { id: 'scalar-landscape', data: { order: 1, kind: 'warm-up' as const } },
      { id: 'implicit-regularization-set-1', data: { order: 2, kind: 'set' as const } },
      { id: 'grokking-lazy-rich', data: { order: 3, kind: 'set' as const } },
    ];
    expect(all.map((e) => exerciseLabel(e, all))).toEqual(['Warm-up exercise', 'Exercise set 1', 'Exercise set 2']);
  });
});

import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { relative, sep } from 'node:path';
import { deckHandouts, handoutPath } from '../handouts/handoutFiles.ts';

export interface RemarkTitleSlideOptions {
  /** Absolute path of the slides folder. */
  slidesDir: string;
  /** Shown on every title slide, e.g. "Training Dynamics". */
  courseName: string;
}

const startsNotes = (n: RootContent) =>
  n.type === 'paragraph' && n.children[0]?.type === 'text' && /^Note:\s*/.test(n.children[0].value);

/** `2026-11-22` (a YAML date or string) as "22 November 2026"; null when it is not a date. */
export function formatDeckDate(value: unknown): { iso: string; text: string } | null {
  const date = value instanceof Date ? value : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime())) return null;
  return {
    iso: date.toISOString().slice(0, 10),
    text: date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  };
}

/**
 * "Handouts (PDF): slides · with speaker notes · three per page", linking what `npm run handouts` writes. Plain
 * hast anchors rather than Markdown links: the build's link check runs before the PDFs exist; rehypeBaseLinks
 * still puts them under the base.
 */
function handoutsLine(deck: string): RootContent {
  const h = deckHandouts(deck);
  const link = (file: typeof h.slides, text: string) => ({ type: 'emphasis', data: { hName: 'a', hProperties: { href: handoutPath(file) } }, children: [{ type: 'text', value: text }] });
  return {
    type: 'paragraph',
    data: { hProperties: { className: ['deck-meta', 'deck-handouts'] } },
    children: [{ type: 'text', value: 'Handouts (PDF): ' }, link(h.slides, 'slides'), { type: 'text', value: ' · ' }, link(h.notes, 'with speaker notes'), { type: 'text', value: ' · ' }, link(h.compact, 'three per page, to write on')],
  } as unknown as RootContent;
}

/**
 * Adds a line to a deck's title slide (the first slide of `slides/<deck>.mdx` or `slides/<deck>/index.mdx`, when
 * it starts with a level-1 heading) naming the course, the lecture (`order`) and the date from the front matter:
 * "Training Dynamics · Lecture 1 · 22 November 2026", and a line linking the deck's printed handouts. Runs before
 * remarkSlides, on the flat Markdown tree.
 */
export function remarkTitleSlide(options: RemarkTitleSlideOptions) {
  return (tree: Root, file: VFile) => {
    if (!file.path?.startsWith(options.slidesDir + sep)) return;
    const rel = relative(options.slidesDir, file.path).split(sep);
    const isMain = (rel.length === 1 && rel[0].endsWith('.mdx')) || (rel.length === 2 && rel[1] === 'index.mdx');
    if (!isMain) return;
    const end = tree.children.findIndex((n) => n.type === 'thematicBreak');
    const first = end < 0 ? tree.children : tree.children.slice(0, end);
    const heading = first.find((n) => n.type === 'heading');
    if (!heading || heading.type !== 'heading' || heading.depth !== 1) return;
    const fm = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ?? {};
    const date = formatDeckDate(fm.date);
    const order = typeof fm.order === 'number' ? fm.order : null;
    const children: unknown[] = [{ type: 'text', value: options.courseName }];
    if (order !== null) children.push({ type: 'text', value: ` · Lecture ${order}` });
    if (date) {
      children.push({ type: 'text', value: ' · ' });
      children.push({ type: 'mdxJsxTextElement', name: 'time', attributes: [{ type: 'mdxJsxAttribute', name: 'datetime', value: date.iso }], children: [{ type: 'text', value: date.text }] });
    }
    const line = { type: 'paragraph', data: { hProperties: { className: ['deck-meta'] } }, children } as unknown as RootContent;
    const notes = first.findIndex(startsNotes);
    tree.children.splice(notes < 0 ? first.length : notes, 0, line, handoutsLine(rel.length === 1 ? rel[0].replace(/\.mdx$/, '') : rel[0]));
  };
}

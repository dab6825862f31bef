import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { deckOf } from './deckOf.ts';
import { citedKeysIn } from './remarkCheckCitations.ts';
import { readingForKey, readingIndex, shortCitation, type ReadingRef } from './readingIndex.ts';

type Node = RootContent;
interface Jsx { type: 'mdxJsxFlowElement'; name: string; attributes: { type: string; name: string; value: unknown }[]; children: Node[] }

/** One slide and the papers it cites, as a reading's "where it is presented" list needs it. */
export interface SlideCitation { id: string; title: string; keys: string[] }

const isJsx = (n: Node, name: string): n is Node & Jsx => (n as unknown as Jsx).type === 'mdxJsxFlowElement' && (n as unknown as Jsx).name === name;
const attr = (n: Jsx, name: string) => n.attributes.find((a) => a.name === name)?.value;
const isNotes = (n: Node) => isJsx(n, 'aside') && attr(n as unknown as Jsx, 'class') === 'notes';

const keysIn = (nodes: Node[]) => {
  const keys: string[] = [];
  for (const n of nodes) visit(n, 'text', (t) => { keys.push(...citedKeysIn(t.value)); });
  return keys;
};

const link = (r: ReadingRef, text: string): Node => ({ type: 'link', url: `/readings/${r.slug}/`, children: [{ type: 'text', value: text }] }) as Node;

/**
 * Links each slide that cites a paper to the annotated reading of it: a small "Reading:" line on the slide
 * and the full title in the speaker notes (which the printed handout shows). Runs after remarkSlides, on
 * its `<section>`s, and before remarkCollectLinks, so the build checks these links like any other. Also
 * exposes `slideCitations` (slide id, title, cited keys) for the readings' "where it is presented" lists.
 */
export function remarkSlideReadings(options: { slidesDir: string; readingsDir: string }) {
  return (tree: Root, file: VFile) => {
    if (!deckOf(file.path, options.slidesDir)) return;
    const forKey = readingForKey(readingIndex(options.readingsDir));
    const slideCitations: SlideCitation[] = [];
    visit(tree, (node) => {
      if (!isJsx(node as Node, 'section')) return;
      const section = node as unknown as Jsx;
      const id = attr(section, 'id');
      if (typeof id !== 'string') return; // a vertical stack: its slides are visited next
      const notesAt = section.children.findIndex(isNotes);
      const body = notesAt >= 0 ? section.children.slice(0, notesAt) : section.children;
      const heading = body.find((n) => n.type === 'heading');
      const keys = [...new Set(keysIn(body))];
      slideCitations.push({ id, title: heading ? toString(heading) : id, keys });
      const readings = [...new Set(keys.map((k) => forKey.get(k)).filter((r): r is ReadingRef => r !== undefined))];
      if (readings.length === 0) return SKIP;
      const onSlide: Node[] = [{ type: 'text', value: readings.length === 1 ? 'Reading: ' : 'Readings: ' } as Node];
      readings.forEach((r, i) => { if (i > 0) onSlide.push({ type: 'text', value: ', ' } as Node); onSlide.push(link(r, shortCitation(r))); });
      const slideLine = { type: 'paragraph', data: { hProperties: { className: ['slide-reading'] } }, children: onSlide } as Node;
      const inNotes: Node[] = [{ type: 'text', value: readings.length === 1 ? 'Annotated reading: ' : 'Annotated readings: ' } as Node];
      readings.forEach((r, i) => { if (i > 0) inNotes.push({ type: 'text', value: '; ' } as Node); inNotes.push(link(r, `${shortCitation(r)}, “${r.title}”`)); });
      const notesLine = { type: 'paragraph', children: inNotes } as Node;
      if (notesAt >= 0) {
        (section.children[notesAt] as unknown as Jsx).children.push(notesLine);
        section.children.splice(notesAt, 0, slideLine);
      } else {
        section.children.push(slideLine, { type: 'mdxJsxFlowElement', name: 'aside', attributes: [{ type: 'mdxJsxAttribute', name: 'class', value: 'notes' }], children: [notesLine] } as unknown as Node);
      }
      return SKIP;
    });
    // Exposed to pages as remarkPluginFrontmatter.slideCitations.
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro = { ...data.astro, frontmatter: { ...data.astro?.frontmatter, slideCitations } };
  };
}

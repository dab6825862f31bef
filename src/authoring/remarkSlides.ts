import type { Root, RootContent, Heading } from 'mdast';
import type { VFile } from 'vfile';
// Registers `data.hProperties` on mdast nodes: the field remark-rehype (mdast-util-to-hast) turns into attributes.
import type {} from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { relative } from 'node:path';
import { slideId } from './slideId.ts';
import { deckOf } from './deckOf.ts';
import { claimSlideId, forgetFile } from './slideIdRegistry.ts';

type Node = RootContent;
type Attr = { type: 'mdxJsxAttribute'; name: string; value: string };
interface JsxFlow { type: 'mdxJsxFlowElement'; name: string; attributes: Attr[]; children: Node[] }

export interface RemarkSlidesOptions {
  /** Absolute path of the folder whose `.mdx` files are decks; files elsewhere are left untouched. */
  slidesDir: string;
}

const jsx = (name: string, attributes: Record<string, string>, children: Node[]): Node =>
  ({
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes).map(([n, value]) => ({ type: 'mdxJsxAttribute', name: n, value })),
    children,
  }) as unknown as Node;

// Read from the source: smartypants may already have turned the text `--` into an en dash.
const isVerticalBreak = (n: Node, source: string) =>
  n.type === 'paragraph' && n.position?.start.offset !== undefined &&
  source.slice(n.position.start.offset, n.position.end.offset).trim() === '--';

const isSlideOptions = (n: Node): n is Node & JsxFlow =>
  (n as unknown as JsxFlow).type === 'mdxJsxFlowElement' && (n as unknown as JsxFlow).name === 'SlideOptions';

const startsNotes = (n: Node) =>
  n.type === 'paragraph' && n.children[0]?.type === 'text' && /^Note:\s*/.test(n.children[0].value);

/**
 * Turns a deck written as one MDX file into reveal.js `<section>`s at build time, so math, components and
 * schema checks all happen before the browser: `---` between blank lines starts a slide, a `--` line a
 * vertical sub-slide, a paragraph beginning `Note:` starts the speaker notes, and each slide's id is the slug
 * of its first heading (override with `<SlideOptions id="…" />`).
 */
export function remarkSlides(options: RemarkSlidesOptions) {
  return (tree: Root, file: VFile) => {
    const deck = deckOf(file.path, options.slidesDir);
    if (!deck) return;
    forgetFile(deck, file.path);
    const source = String(file.value ?? '');
    const lines = source.split('\n');
    const esm: Node[] = [];
    const groups: Node[][][] = [[[]]];
    for (const node of tree.children) {
      if (node.type === 'mdxjsEsm') { esm.push(node); continue; }
      if (node.type === 'thematicBreak') { groups.push([[]]); continue; }
      if (isVerticalBreak(node, source)) { groups.at(-1)!.push([]); continue; }
      if (node.type === 'heading' && node.depth === 2 && node.position) {
        const under = lines[node.position.end.line - 1]?.trim() ?? '';
        if (/^-{2,}$|^={2,}$/.test(under) && node.position.start.line !== node.position.end.line) {
          file.fail(
            `A "${under}" line directly under text makes a setext heading, not a slide break. Put a blank line before "${under}".`,
            node.position,
            'remark-slides:setext',
          );
        }
      }
      groups.at(-1)!.at(-1)!.push(node);
    }

    const slideIds: string[] = [];
    const toSection = (content: Node[]): Node | null => {
      if (content.length === 0) return null;
      const attributes: Record<string, string> = {};
      const body = content.filter((n) => {
        if (!isSlideOptions(n)) return true;
        for (const a of n.attributes) attributes[a.name] = String(a.value);
        return false;
      });
      const heading = body.find((n): n is Heading => n.type === 'heading');
      const where = (heading ?? body[0]).position;
      if (!attributes.id) {
        if (!heading) {
          file.fail('This slide has no heading, so it has no stable id for deep links. Start it with a heading or add <SlideOptions id="my-slide" />.', where, 'remark-slides:no-id');
        }
        attributes.id = slideId(toString(heading!));
      }
      // Heading ids must not repeat the section's id (reveal deep-links to the section); namespace them.
      let h = 0;
      const nameHeadings = (nodes: Node[]) => {
        for (const n of nodes) {
          if (n.type === 'heading') n.data = { ...n.data, hProperties: { ...(n.data?.hProperties ?? {}), id: `${attributes.id}--h${h++}` } };
          if ('children' in n && Array.isArray(n.children)) nameHeadings(n.children as Node[]);
        }
      };
      nameHeadings(body);
      const line = where?.start.line ?? 0;
      const earlier = claimSlideId(deck, attributes.id, { file: file.path, line });
      if (earlier) {
        const place = earlier.file === file.path ? `line ${earlier.line}` : `${relative(options.slidesDir, earlier.file)}:${earlier.line}`;
        file.fail(`Duplicate slide id "${attributes.id}" (first used on ${place}). Rename one heading or give one slide <SlideOptions id="…" />.`, where, 'remark-slides:duplicate-id');
      }
      slideIds.push(attributes.id);
      const noteStart = body.findIndex(startsNotes);
      let children = body;
      if (noteStart >= 0) {
        const notes = body.slice(noteStart);
        const first = notes[0] as Extract<Node, { type: 'paragraph' }>;
        const text = first.children[0] as { value: string };
        text.value = text.value.replace(/^Note:\s*/, '');
        if (text.value === '' ) first.children.shift();
        children = [...body.slice(0, noteStart), jsx('aside', { class: 'notes' }, notes)];
      }
      return jsx('section', attributes, children);
    };

    const sections: Node[] = [];
    for (const group of groups) {
      const verticals = group.map(toSection).filter((s): s is Node => s !== null);
      if (verticals.length === 1) sections.push(verticals[0]);
      else if (verticals.length > 1) sections.push(jsx('section', {}, verticals));
    }
    tree.children = [...esm, ...sections] as Root['children'];
    // Exposed to pages as remarkPluginFrontmatter.slideIds: the home page links objectives to a part's first slide.
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro = { ...data.astro, frontmatter: { ...data.astro?.frontmatter, slideIds } };
  };
}

import type { Root, Element, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

const isRefs = (n: RootContent): n is Element => n.type === 'element' && n.properties?.id === 'refs';
const isEntry = (n: Element['children'][number]): n is Element => n.type === 'element' && String(n.properties?.className ?? '').includes('csl-entry');

/** Entries per reference slide: what fits the 960×700 frame at the deck's reference font size. */
export const REFERENCES_PER_SLIDE = 8;

const heading = (text: string, id?: string): Element => ({ type: 'element', tagName: 'h2', properties: id ? { id } : {}, children: [{ type: 'text', value: text }] });

/**
 * Gives the bibliography rehype-citation appends a heading. In decks it becomes its own final slide(s), split
 * so each fits the frame: a bare div after the last `<section>` would sit outside reveal's slides.
 */
export function rehypeBibliography(options: { slidesDir: string }) {
  return (tree: Root, file: VFile) => {
    const i = tree.children.findIndex(isRefs);
    if (i < 0) return;
    const refs = tree.children[i] as Element;
    const isDeck = !!file.path && file.path.startsWith(options.slidesDir);
    if (!isDeck) {
      tree.children.splice(i, 1, { type: 'element', tagName: 'section', properties: { className: ['bibliography'], ariaLabelledBy: 'references' }, children: [heading('References', 'references'), refs] });
      return;
    }
    const entries = refs.children.filter(isEntry);
    const pages = Math.max(1, Math.ceil(entries.length / REFERENCES_PER_SLIDE));
    const slides: Element[] = [];
    for (let p = 0; p < pages; p++) {
      const id = p === 0 ? 'references' : `references-${p + 1}`;
      const title = pages === 1 ? 'References' : `References (${p + 1}/${pages})`;
      const chunk: Element = { ...refs, properties: { className: ['references', 'csl-bib-body'] }, children: entries.slice(p * REFERENCES_PER_SLIDE, (p + 1) * REFERENCES_PER_SLIDE) };
      slides.push({ type: 'element', tagName: 'section', properties: { id, className: ['bibliography-slide'] }, children: [heading(title, `${id}--h0`), chunk] });
    }
    tree.children.splice(i, 1, ...slides);
    // In a deck `#bib-key` is not a slide, and reveal would misread it: point citations at the reference slide.
    const slideOf = new Map<string, string>();
    for (const slide of slides) for (const entry of (slide.children[1] as Element).children as Element[]) slideOf.set(`#${entry.properties?.id}`, String(slide.properties?.id));
    visit(tree, 'element', (node) => {
      const href = node.tagName === 'a' ? String(node.properties?.href ?? '') : '';
      if (slideOf.has(href)) node.properties.href = `#/${slideOf.get(href)}`;
    });
  };
}

import type { Root, Element, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { deckOf } from './deckOf.ts';
import { linkReferenceList, referenceIds } from './referenceLinks.ts';

const isRefs = (n: RootContent): n is Element => n.type === 'element' && n.properties?.id === 'refs';

/**
 * Readings: gives the bibliography rehype-citation appends a heading. Decks: removes it, because a deck's
 * references slides are assembled once for the whole deck (all its parts) by the deck page, and points
 * in-slide citations at them (`#bib-key` is not a slide; reveal would misread it). Every arXiv id, DOI and URL
 * of the list becomes a link (`referenceLinks.ts`).
 */
export function rehypeBibliography(options: { slidesDir: string; bibPath: string }) {
  return (tree: Root, file: VFile) => {
    const i = tree.children.findIndex(isRefs);
    if (i < 0) return;
    if (!deckOf(file.path, options.slidesDir)) {
      linkReferenceList(tree.children[i] as Element, referenceIds(options.bibPath));
      const heading: Element = { type: 'element', tagName: 'h2', properties: { id: 'references' }, children: [{ type: 'text', value: 'References' }] };
      tree.children.splice(i, 1, { type: 'element', tagName: 'section', properties: { className: ['bibliography'], ariaLabelledBy: ['references'] }, children: [heading, tree.children[i] as Element] });
      return;
    }
    tree.children.splice(i, 1);
    visit(tree, 'element', (node) => {
      if (node.tagName === 'a' && String(node.properties?.href ?? '').startsWith('#bib-')) node.properties.href = '#/references';
    });
  };
}

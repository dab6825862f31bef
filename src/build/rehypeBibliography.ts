import type { Root, Element, RootContent } from 'hast';
import type { VFile } from 'vfile';

const isRefs = (n: RootContent): n is Element => n.type === 'element' && n.properties?.id === 'refs';

/**
 * Gives the bibliography rehype-citation appends a heading, and in decks its own final slide: a bare div after
 * the last `<section>` would sit outside reveal's slides and never be shown.
 */
export function rehypeBibliography(options: { slidesDir: string }) {
  return (tree: Root, file: VFile) => {
    const i = tree.children.findIndex(isRefs);
    if (i < 0) return;
    const refs = tree.children[i] as Element;
    const heading: Element = { type: 'element', tagName: 'h2', properties: { id: 'references' }, children: [{ type: 'text', value: 'References' }] };
    const isDeck = !!file.path && file.path.startsWith(options.slidesDir);
    const wrapper: Element = isDeck
      ? { type: 'element', tagName: 'section', properties: { id: 'references', className: ['bibliography-slide'] }, children: [{ ...heading, properties: { id: 'references--h0' } }, refs] }
      : { type: 'element', tagName: 'section', properties: { className: ['bibliography'], ariaLabelledBy: 'references' }, children: [heading, refs] };
    tree.children.splice(i, 1, wrapper);
  };
}

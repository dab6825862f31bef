import type { Root, Element, ElementContent } from 'hast';
import { visit } from 'unist-util-visit';

const el = (tagName: string, className: string[], children: ElementContent[], extra: Record<string, string> = {}): Element => ({
  type: 'element', tagName, properties: { className, ...extra }, children,
});

/**
 * `<Sidenote>…</Sidenote>` → a numbered margin note. Numbers are assigned here, at build time, and every
 * note is also copied into a "Notes" list at the end that only print shows: Chromium has no page-bottom
 * footnotes, so printed handouts get numbered endnotes with the same numbers as the markers.
 */
export function rehypeSidenotes() {
  return (tree: Root) => {
    const notes: ElementContent[][] = [];
    visit(tree, (node, index, parent) => {
      const n = node as unknown as { type: string; name?: string; children: ElementContent[] };
      if ((n.type !== 'mdxJsxTextElement' && n.type !== 'mdxJsxFlowElement') || n.name !== 'Sidenote' || !parent || index === undefined) return;
      const number = String(notes.length + 1);
      const body = n.children.flatMap((c) => (c.type === 'element' && c.tagName === 'p' ? c.children : [c]));
      notes.push(structuredClone(body));
      const replacement = el('span', ['sidenote-ref'], [
        el('sup', ['sidenote-mark'], [{ type: 'text', value: number }], { ariaHidden: 'true' }),
        el('span', ['sidenote'], [el('span', ['sidenote-number'], [{ type: 'text', value: `${number}. ` }]), ...body], { role: 'note' }),
      ]);
      (parent.children as unknown[]).splice(index, 1, replacement);
    });
    if (notes.length === 0) return;
    tree.children.push(
      el('section', ['print-endnotes'], [
        el('h2', [], [{ type: 'text', value: 'Notes' }]),
        el('ol', [], notes.map((body) => el('li', [], body))),
      ]),
    );
  };
}

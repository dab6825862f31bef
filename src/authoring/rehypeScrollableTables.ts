import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { deckOf } from './deckOf.ts';

/**
 * A table with many columns can be wider than a phone. Readings and exercises put each table in a box that
 * scrolls sideways (site.css gives it the same edge shadows as a wide equation) instead of widening the page.
 * Keyboard users can only scroll what they can focus (WCAG 2.1.1), so the box is a focusable, labelled region,
 * named after the table's header row. Decks are left alone: a slide is a fixed frame, measured by its own
 * test. Runs after rehype-katex, so header math is read from its MathML, never its TeX.
 */
export function rehypeScrollableTables(options: { slidesDir: string }) {
  return (tree: Root, file: VFile) => {
    if (deckOf(file.path, options.slidesDir)) return;
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      if (parent.type === 'element' && classes(parent).includes('table-scroll')) return 'skip';
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: tableLabel(node) },
        children: [node],
      };
      parent.children[index] = wrapper;
      return 'skip';
    });
  };
}

/** "Table: <header cells>", shortened; "Table" when there is no header row. */
export function tableLabel(table: Element): string {
  const cells: string[] = [];
  visit(table, 'element', (n) => {
    if (n.tagName === 'tbody') return 'skip';
    if (n.tagName === 'th') { cells.push(spoken(n).replace(/\s+/g, ' ').trim()); return 'skip'; }
  });
  const head = cells.filter(Boolean).join(', ');
  if (!head) return 'Table';
  return `Table: ${head.length > 80 ? `${head.slice(0, 79).trimEnd()}…` : head}`;
}

/** Visible text, with each formula read once from its MathML (KaTeX's HTML copy is aria-hidden). */
function spoken(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  const cls = classes(node);
  if (cls.includes('katex-html') || node.tagName === 'annotation') return '';
  return node.children.map(spoken).join('');
}

function classes(node: Element): string[] {
  const c = node.properties?.className;
  return Array.isArray(c) ? c.map(String) : [];
}

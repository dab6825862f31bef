import type { Root, Element, ElementContent } from 'hast';
import { visit } from 'unist-util-visit';

const el = (tagName: string, className: string[], children: ElementContent[], extra: Record<string, string> = {}): Element => ({
  type: 'element', tagName, properties: className.length > 0 ? { className, ...extra } : { ...extra }, children,
});

/**
 * Takes the word (or inline element, such as a formula) just before a note out of `siblings`, dropping the space
 * between them, so that it and the note's marker can be kept on one line: a marker that wraps to the start of
 * a line reads as belonging to what follows. Returns what was taken, and how many siblings before the note are gone.
 */
function takeWordBefore(siblings: ElementContent[], index: number): { taken: ElementContent[]; removed: number } {
  let i = index - 1;
  const prev = siblings[i];
  if (prev?.type === 'text') {
    const m = /(\S+)\s*$/.exec(prev.value);
    if (m) {
      prev.value = prev.value.slice(0, m.index);
      return { taken: [{ type: 'text', value: m[1] }], removed: 0 };
    }
    i -= 1; // only space between the note and what precedes it
  }
  const element = siblings[i];
  if (element?.type !== 'element') return { taken: [], removed: 0 };
  siblings.splice(i, index - i);
  return { taken: [element], removed: index - i };
}

/**
 * `<Sidenote>…</Sidenote>` → a numbered margin note. Numbers are assigned here, at build time, and every
 * note is also copied into a "Notes" list at the end that only print shows: Chromium has no page-bottom
 * footnotes, so printed handouts get numbered endnotes with the same numbers as the markers. The word before
 * the note and its marker are wrapped together (`.sidenote-anchor`, not wrapping).
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
      const siblings = parent.children as ElementContent[];
      const { taken, removed } = takeWordBefore(siblings, index);
      const anchored = taken.length > 0 ? el('span', ['sidenote-anchor'], [...taken, replacement]) : replacement;
      siblings.splice(index - removed, 1, anchored);
      // Continue after the note, wherever removing the element before it has moved it.
      return index - removed + 1;
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

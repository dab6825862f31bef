import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Math and tables that fit their column. Runs after rehype-katex.
 *
 * KaTeX renders a formula as a row of `.base` boxes with a line-break opportunity between any two of them, one
 * after every top-level relation (=, ≤, →, …) and binary operator (+, −, ×, …). Left alone, a browser breaks
 * inline math after "1 −" and display math cannot break at all (KaTeX sets it `nowrap`). This plugin regroups
 * the boxes so that:
 * - a displayed equation may break only after a top-level relation or at a `,\quad`/`,\qquad` between two
 *   statements (the stylesheet lets display math wrap where it must, so a narrow column shows every term); one
 *   still too wide scrolls sideways with a visible cue, and gets tabindex="0" so keyboard users can scroll it
 *   (WCAG 2.1.1);
 * - inline math never breaks inside a short expression (at most {@link SHORT_INLINE} symbols); a long one may
 *   break after a relation, and after a binary operator only inside a stretch that is long on its own;
 * - a table sits in a focusable box that scrolls sideways when the table is wider than the column.
 * The MathML half of each formula (what assistive technology reads) is untouched.
 */
export function rehypeFocusableMath() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (hasClass(node, 'katex-display')) node.properties.tabIndex = 0;
      if (hasClass(node, 'katex')) {
        const display = parent !== undefined && parent.type === 'element' && hasClass(parent, 'katex-display');
        const html = node.children.find((c): c is Element => c.type === 'element' && hasClass(c, 'katex-html'));
        if (html) regroup(html, display);
        return 'skip';
      }
      if (node.tagName === 'table' && parent && typeof index === 'number' && !(parent.type === 'element' && hasClass(parent, 'table-scroll'))) {
        const wrapper: Element = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: 'Table (scrolls sideways when wider than the page)' },
          children: [node],
        };
        parent.children[index] = wrapper;
        return 'skip';
      }
      return undefined;
    });
  };
}

/** Inline formulas with at most this many rendered symbols never break. */
export const SHORT_INLINE = 24;

const hasClass = (node: Element, name: string): boolean => {
  const cls = node.properties?.className;
  return Array.isArray(cls) && cls.includes(name);
};

const isBase = (n: ElementContent): n is Element => n.type === 'element' && hasClass(n, 'base');

/** Rendered symbols of a subtree (its text length, spaces excluded). */
function symbols(n: ElementContent): number {
  if (n.type === 'text') return n.value.replace(/\s|\u200b/g, '').length;
  if (n.type === 'element') return n.children.reduce((sum, c) => sum + symbols(c), 0);
  return 0;
}

/** The last child that is not spacing. */
function lastAtom(base: Element): Element | undefined {
  for (let k = base.children.length - 1; k >= 0; k--) {
    const c = base.children[k];
    if (c.type === 'element' && !hasClass(c, 'mspace') && !hasClass(c, 'strut')) return c;
  }
  return undefined;
}

const endsWithRelation = (base: Element): boolean => { const a = lastAtom(base); return a !== undefined && hasClass(a, 'mrel'); };

/** Width in em of an `.mspace` (its margin-right), 0 for anything else. */
function spaceEm(n: ElementContent): number {
  if (n.type !== 'element' || !hasClass(n, 'mspace')) return 0;
  const m = /margin-right:\s*(-?[\d.]+)em/.exec(String(n.properties?.style ?? ''));
  return m ? Number(m[1]) : 0;
}

/**
 * Splits a base after every top-level `,` followed by at least 1em of space (`,\quad`, `,\qquad`): the place
 * where one statement of a display ends and the next begins. Each part keeps a copy of the base's strut.
 */
function splitAtStatementBreaks(base: Element): Element[] {
  const strut = base.children.find((c) => c.type === 'element' && hasClass(c, 'strut'));
  const parts: Element[] = [];
  let current: ElementContent[] = [];
  const kids = base.children;
  for (let k = 0; k < kids.length; k++) {
    const c = kids[k];
    current.push(c);
    if (c.type === 'element' && hasClass(c, 'mpunct')) {
      let j = k + 1;
      let space = 0;
      while (j < kids.length && spaceEm(kids[j]) > 0) { space += spaceEm(kids[j]); j++; }
      if (space >= 1 && j < kids.length) {
        current.push(...kids.slice(k + 1, j));
        k = j - 1;
        parts.push({ ...base, children: current });
        current = strut ? [structuredClone(strut)] : [];
      }
    }
  }
  parts.push({ ...base, children: current });
  return parts;
}

const merge = (bases: Element[]): Element => (bases.length === 1 ? bases[0] : { ...bases[0], children: bases.flatMap((b) => b.children) });

/** Regroups the `.base` boxes of one `.katex-html` (see the module comment). */
function regroup(html: Element, display: boolean): void {
  const kids = html.children;
  const first = kids.findIndex(isBase);
  if (first < 0) return;
  let end = first;
  while (end < kids.length && isBase(kids[end])) end++;
  const bases = (kids.slice(first, end) as Element[]).flatMap((b) => (display ? splitAtStatementBreaks(b) : [b]));
  if (bases.length < 2 && !display) return;

  let groups: Element[][];
  if (!display && bases.reduce((n, b) => n + symbols(b), 0) <= SHORT_INLINE) {
    groups = [bases];
  } else {
    // Break after relations, and (display) where splitAtStatementBreaks cut a base.
    groups = [];
    let run: Element[] = [];
    for (let k = 0; k < bases.length; k++) {
      const b = bases[k];
      run.push(b);
      if (endsWithRelation(b) || (display && isStatementCut(b))) { groups.push(run); run = []; }
    }
    if (run.length) groups.push(run);
    // A long inline stretch between relations may still break after its binary operators.
    if (!display) groups = groups.flatMap((g) => (g.reduce((n, b) => n + symbols(b), 0) > SHORT_INLINE ? g.map((b) => [b]) : [g]));
  }
  html.children = [...kids.slice(0, first), ...groups.map(merge), ...kids.slice(end)];
}

/** A base produced by splitAtStatementBreaks ends with `,` and ≥ 1em of space. */
function isStatementCut(base: Element): boolean {
  let space = 0;
  for (let k = base.children.length - 1; k >= 0; k--) {
    const c = base.children[k];
    const em = spaceEm(c);
    if (em > 0) { space += em; continue; }
    return space >= 1 && c.type === 'element' && hasClass(c, 'mpunct');
  }
  return false;
}

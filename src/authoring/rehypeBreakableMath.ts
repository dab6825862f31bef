import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Lets a displayed equation that is too wide for its column wrap instead of scrolling, breaking where TeX
 * would and in this order of preference: between statements set apart by a wide space (`a = b, \qquad c = d`),
 * then after a relation sign (=, ≤, ≈, ⟹, …), and only for a run still too wide, after a binary operator.
 *
 * KaTeX already cuts its HTML into unbreakable `.base` boxes after every top-level relation and binary
 * operator, but a display equation is `white-space: nowrap`, so none of those cuts is used. This pass (after
 * rehype-katex) nests the boxes by preference:
 *
 *   .katex-html.math-wrap    (style="--math-gap: 2em" when it holds parts: the wide space that separated them)
 *     span.math-part         one statement (cut at a top-level space of 1em or more: \quad, \qquad)
 *       span.math-seg        a run ending at a relation sign
 *         span.math-chunk    a run ending at a binary operator: KaTeX's boxes, one or several
 *     span.math-gap          the wide space itself, between two parts
 *
 * math.css makes every level a wrapping flex row, so a row breaks only where one of its items is itself wider
 * than the column: a statement moves to the next line whole before it breaks after a relation, and a run
 * breaks after + or − only when it alone is too wide. The gap between statements replaces the author's wide
 * space, so a wrapped line neither ends nor starts with it.
 *
 * TeX cuts at the top level only, but parentheses and bars are not TeX groups: `(a + b)` and `\| M - W \|` sit
 * at the top level too. No cut is made between an opening delimiter and its closing one (counted from
 * KaTeX's mopen/mclose and sized delimiters; | and ‖ pair up by parity); when that count is unsure, the
 * result is fewer breaks, never a wrong one. What KaTeX set as one box (an environment such as aligned or
 * cases, a fraction, \left…\right, braces) is never broken; an equation that is one box is not touched, and
 * the MathML never is.
 */
export function rehypeBreakableMath() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (!hasClass(node, 'katex-display')) return;
      const html = findChild(findChild(node, 'katex'), 'katex-html');
      if (html) regroup(html);
      return 'skip';
    });
  };
}

/** Where a piece of the formula may be followed by a line break, best first; 'none' joins it to the next. */
type Cut = 'part' | 'rel' | 'bin' | 'none';
/** A box of the formula, the break allowed after it, and for a cut between statements the space taken out there. */
interface Piece { box: Element; cut: Cut; gap: ElementContent[] }

/** Regroups the runs of `.base` boxes of one `.katex-html`; other children (equation tags) stay in place. */
export function regroup(html: Element): void {
  const out: ElementContent[] = [];
  let run: Element[] = [];
  let changed = false;
  let gap = 0;
  const flush = () => {
    if (run.length === 0) return;
    const pieces = piecesOf(run);
    if (pieces.some((p) => p.cut !== 'none')) {
      changed = true;
      gap = Math.max(gap, ...pieces.filter((p) => p.cut === 'part').map((p) => p.gap.reduce((w, c) => w + spaceWidth(c), 0)));
      out.push(...nest(pieces));
    } else out.push(...run);
    run = [];
  };
  for (const child of html.children) {
    if (child.type === 'element' && hasClass(child, 'base')) run.push(child);
    else { flush(); out.push(child); }
  }
  flush();
  if (!changed) return;
  html.children = out;
  addClass(html, 'math-wrap');
  if (gap > 0) html.properties.style = `--math-gap:${+gap.toFixed(4)}em`;
}

/** The boxes of a run, cut at wide spaces, each with the break allowed after it. */
function piecesOf(bases: Element[]): Piece[] {
  const depth = new Delimiters();
  const pieces: Piece[] = [];
  for (const base of bases) {
    const { boxes, gaps } = splitAtWideSpace(base, depth);
    boxes.forEach((box, i) => {
      if (i < boxes.length - 1) { pieces.push({ box, cut: 'part', gap: gaps[i] }); return; }
      const end = lastOperator(box);
      pieces.push({ box, cut: depth.inside() ? 'none' : end, gap: [] });
    });
  }
  // The last piece ends the formula: nothing to cut after it.
  if (pieces.length > 0) pieces[pieces.length - 1].cut = 'none';
  return pieces;
}

/**
 * part > seg > chunk > boxes, closing each level at the cuts of its rank or better. The space taken out
 * between two statements goes between their parts in a .math-gap, which the CSS hides (its column gap takes
 * over); without our CSS (a deck, a feed reader) it still spaces the statements as the author wrote.
 */
function nest(pieces: Piece[]): Element[] {
  const out: Element[] = [];
  let segs: Element[][][] = [];
  let chunks: Element[][] = [];
  let boxes: Element[] = [];
  const seg = (cs: Element[][]) => span('math-seg', cs.map((bs) => span('math-chunk', bs)));
  const parts: { segs: Element[][][]; gap: ElementContent[] }[] = [];
  const close = (level: Cut, gap: ElementContent[] = []) => {
    if (boxes.length) { chunks.push(boxes); boxes = []; }
    if (level === 'bin') return;
    if (chunks.length) { segs.push(chunks); chunks = []; }
    if (level === 'rel') return;
    if (segs.length) { parts.push({ segs, gap }); segs = []; }
  };
  for (const p of pieces) {
    boxes.push(p.box);
    if (p.cut !== 'none') close(p.cut, p.gap);
  }
  close('part');
  if (parts.length === 1) return parts[0].segs.map(seg);
  for (const part of parts) {
    out.push(span('math-part', part.segs.map(seg)));
    if (part.gap.length > 0) out.push(span('math-gap', part.gap));
  }
  return out;
}

/** The break a box ends with: after a relation (or \allowbreak), after a binary operator, or none. */
function lastOperator(base: Element): Cut {
  // \allowbreak is a KaTeX space (mspace allowbreak); other spaces are glue after the operator.
  const last = [...base.children].reverse().find((c) => c.type === 'element' && (hasClass(c, 'allowbreak') || (!hasClass(c, 'mspace') && !hasClass(c, 'strut'))));
  if (last?.type === 'element' && (hasClass(last, 'mrel') || hasClass(last, 'allowbreak'))) return 'rel';
  if (last?.type === 'element' && hasClass(last, 'mbin')) return 'bin';
  return 'none';
}

const OPENERS = new Set(['(', '[', '{', '⟨', '⌊', '⌈']);
const CLOSERS = new Set([')', ']', '}', '⟩', '⌋', '⌉']);
const BARS = ['∣', '∥', '|', '‖'];

/**
 * Whether the formula so far has an open delimiter: brackets counted (never below zero), each kind of bar and
 * each sized delimiter drawn as an SVG (KaTeX draws tall | and ‖ that way, with no text) paired by parity.
 */
class Delimiters {
  private brackets = 0;
  private open = new Map<string, boolean>();
  inside(): boolean { return this.brackets > 0 || [...this.open.values()].some(Boolean); }
  /** Reads one top-level child of a box (an atom of the formula). */
  read(node: ElementContent): void {
    if (node.type !== 'element' || hasClass(node, 'mspace')) return;
    // KaTeX merges neighbouring delimiters into one atom: "))" closes two.
    const count = () => Math.max(1, [...leadGlyph(node).glyph].length);
    if (hasClass(node, 'mopen')) { this.brackets += count(); return; }
    if (hasClass(node, 'mclose')) { this.brackets = Math.max(0, this.brackets - count()); return; }
    if (!hasClass(node, 'mord')) return;
    // Sized delimiters (\big(, \Big\|) and bars are ordinary atoms to KaTeX, recognised by their glyph.
    const { glyph, sized } = leadGlyph(node);
    if (sized && glyph === '') this.toggle('svg');
    else if (sized && OPENERS.has(glyph)) this.brackets++;
    else if (sized && CLOSERS.has(glyph)) this.brackets = Math.max(0, this.brackets - 1);
    else if (glyph !== '' && [...glyph].every((ch) => BARS.includes(ch))) for (const ch of glyph) this.toggle(ch === '|' ? '∣' : ch === '‖' ? '∥' : ch);
  }
  private toggle(kind: string): void { this.open.set(kind, !this.open.get(kind)); }
}

/**
 * The glyph an atom starts with, following first children (`\|_F` is a mord holding the ‖ and then its
 * subscript), and whether it is a sized delimiter (.delimsizing; tall bars are SVGs and have no glyph text).
 */
function leadGlyph(node: Element): { glyph: string; sized: boolean } {
  let n: Element | undefined = node;
  let sized = false;
  for (let i = 0; n && i < 4; i++) {
    if (hasClass(n, 'delimsizing')) sized = true;
    const text = n.children.map((c) => (c.type === 'text' ? c.value : '')).join('').replace(/[\u200b\s]/g, '');
    if (text) return { glyph: text, sized };
    n = n.children.find((c): c is Element => c.type === 'element' && c.tagName !== 'svg');
  }
  return { glyph: '', sized };
}

/**
 * Cuts a box at each top-level space of at least 1em with content on both sides and no delimiter open. The
 * space (with any glue next to it) is taken out and returned: the layout turns it into the gap between the
 * two statements, which disappears when they land on different lines. Each piece gets a copy of the box's
 * strut, which sets its height. Reads every atom into `depth` on the way.
 */
function splitAtWideSpace(base: Element, depth: Delimiters): { boxes: Element[]; gaps: ElementContent[][] } {
  const [strut, ...rest] = base.children;
  if (strut?.type !== 'element' || !hasClass(strut, 'strut')) {
    rest.forEach((c) => depth.read(c));
    return { boxes: [base], gaps: [] };
  }
  const groups: ElementContent[][] = [];
  const gaps: ElementContent[][] = [];
  let current: ElementContent[] = [];
  const hasContent = (nodes: ElementContent[]) => nodes.some((c) => !(c.type === 'element' && hasClass(c, 'mspace')));
  for (let i = 0; i < rest.length; i++) {
    if (spaceWidth(rest[i]) < 1) { depth.read(rest[i]); current.push(rest[i]); continue; }
    // The run of spaces around the wide one, [start, end) in rest; glue before it is still in current.
    let start = i;
    while (start > 0 && spaceWidth(rest[start - 1]) > 0 && current[current.length - 1] === rest[start - 1]) { current.pop(); start--; }
    let end = i + 1;
    while (end < rest.length && spaceWidth(rest[end]) > 0) end++;
    if (!depth.inside() && hasContent(current) && hasContent(rest.slice(end))) {
      groups.push(current);
      gaps.push(rest.slice(start, end));
      current = [];
    } else current.push(...rest.slice(start, end));
    i = end - 1;
  }
  groups.push(current);
  if (groups.length === 1) return { boxes: [base], gaps: [] };
  const boxes = groups.map((children) => ({ ...base, properties: { ...base.properties }, children: [structuredClone(strut), ...children] }));
  return { boxes, gaps };
}

/** Width in em of a KaTeX space (`margin-right:2em` for \qquad), 0 for anything else or a negative space. */
function spaceWidth(node: ElementContent): number {
  if (node.type !== 'element' || !hasClass(node, 'mspace')) return 0;
  const m = /margin-right:\s*([\d.]+)em/.exec(String(node.properties?.style ?? ''));
  return m ? Number(m[1]) : 0;
}

function span(cls: string, children: ElementContent[]): Element {
  return { type: 'element', tagName: 'span', properties: { className: [cls] }, children };
}

function classes(node: Element): string[] {
  const c = node.properties?.className;
  return Array.isArray(c) ? c.map(String) : [];
}

function hasClass(node: Element, cls: string): boolean {
  return classes(node).includes(cls);
}

function addClass(node: Element, cls: string): void {
  node.properties = { ...node.properties, className: [...classes(node), cls] };
}

function findChild(node: Element | undefined, cls: string): Element | undefined {
  return node?.children.find((c): c is Element => c.type === 'element' && hasClass(c, cls));
}

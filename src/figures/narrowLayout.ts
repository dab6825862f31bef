import type { Area } from './clip.ts';
import { type Block, type Rect, type StackPlan, blockAt, blockContaining, blockTransform, planStack, wrapWords } from './stackPlan.ts';

/**
 * Below this width (CSS px of the figure's box) a multi-panel figure is re-laid out with its panels stacked.
 * Figures are drawn in a 900-unit viewBox with 14–18-unit text: kept side by side in a phone's ~360 px
 * column their text would shrink to about 6 px; stacked, each panel is 300–420 units wide and its text stays
 * at 11 px or more.
 */
export const NARROW_BELOW_PX = 600;
/** Smallest text, in CSS px, of a stacked figure: labels below it are enlarged to it. */
export const MIN_TEXT_PX = 11.5;

const SKIP = new Set(['title', 'desc', 'defs', 'clippath', 'style', 'metadata']);

/** An element's bounding box in the SVG's viewBox units, through its own and its ancestors' transforms. */
function boxInViewBox(svg: SVGSVGElement, el: SVGGraphicsElement): Rect | null {
  const root = svg.getScreenCTM();
  const own = el.getScreenCTM();
  if (!root || !own) return null;
  const b = el.getBBox();
  if (b.width === 0 && b.height === 0) return null;
  const m = root.inverse().multiply(own);
  const corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]]
    .map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** A group may be split between panels only if its own transform (if any) is a plain translation. */
const splittable = (el: Element) => el.tagName.toLowerCase() === 'g' && el.children.length > 0 && !/rotate|scale|matrix|skew/.test(el.getAttribute('transform') ?? '');

/**
 * Re-lays out a drawn figure for a narrow box: every panel (a group tagged `data-plot-area` by drawAxes) with
 * its axes, title, keys and labels is moved into one column, and the viewBox shrinks to that column's width,
 * so text keeps its size in CSS pixels instead of scaling down with a 900-unit drawing. Works on what `draw`
 * produced, so no figure needs a second layout; it runs after every draw (draw starts from scratch).
 *
 * An element is moved with the panel whose area holds it; a group that spans panels (a legend row) is split
 * into its children; a leaf that spans panels goes with the panel under its centre. Returns the plan (for
 * mapping clicks back) or null when the figure has fewer than two panels or is not laid out (hidden).
 */
export function stackPanels(svg: SVGSVGElement, wide: { width: number; height: number }, boxWidthPx: number): StackPlan | null {
  const plot = svg.querySelector<SVGGElement>('g.plot');
  if (!plot) return null;
  unstack(svg, wide);
  svg.setAttribute('viewBox', `0 0 ${wide.width} ${wide.height}`);
  const areas: Area[] = [];
  for (const g of plot.querySelectorAll('[data-plot-area]')) {
    const [x0, y0, x1, y1] = (g.getAttribute('data-plot-area') ?? '').split(' ').map(Number);
    if ([x0, y0, x1, y1].every(Number.isFinite)) areas.push({ x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
  }
  const plan = planStack(areas, { x0: 0, y0: 0, x1: wide.width, y1: wide.height });
  if (!plan) return null;

  const width = plan.viewBox.x1 - plan.viewBox.x0;
  const moves: [Element, Block][] = [];
  /** One-line labels wider than the narrow drawing (a run's set-up under all panels): re-set under the panels. */
  const footer: SVGTextElement[] = [];
  /** Legend rows under several panels (`g.legend-row`): their entries are flowed under the stacked panels. */
  const legendRows: SVGGElement[] = [];
  const assign = (el: SVGGraphicsElement) => {
    if (SKIP.has(el.tagName.toLowerCase())) return;
    if (el.classList.contains('legend-row')) return legendRows.push(el as SVGGElement);
    const box = boxInViewBox(svg, el);
    if (!box) return;
    const block = blockContaining(plan, box);
    if (block) return moves.push([el, block]);
    if (splittable(el)) return [...el.children].forEach((c) => assign(c as SVGGraphicsElement));
    if (el.tagName.toLowerCase() === 'text' && box.x1 - box.x0 > width - 8 && !el.getAttribute('transform')) return footer.push(el as SVGTextElement);
    moves.push([el, blockAt(plan, (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)]);
  };
  // Measure everything first, then move: a moved element would change its parent's box.
  [...plot.children].forEach((c) => assign(c as SVGGraphicsElement));
  if (moves.length === 0) return null;
  // Text keeps its shape in a squeezed block: each label is stretched back about its own centre.
  const unsqueeze = (t: SVGGraphicsElement, sx: number) => {
    const b = t.getBBox();
    const own = t.transform.baseVal.consolidate()?.matrix;
    const c = new DOMPoint(b.x + b.width / 2, b.y + b.height / 2).matrixTransform(own ?? new DOMMatrix());
    return `translate(${round(c.x)},0) scale(${round(1e4 / sx) / 1e4},1) translate(${round(-c.x)},0)`;
  };
  const transforms: [Element, string][] = [];
  const place = (el: SVGGraphicsElement, block: Block) => {
    if (block.sx === 1) return transforms.push([el, blockTransform(block)]);
    // In a squeezed block, what lies left of the frame is only shifted; groups are placed leaf by leaf
    // (only untransformed ones, so a leaf's transform composes with the block's in the right order).
    if (el.tagName.toLowerCase() === 'g' && el.children.length > 0 && !el.getAttribute('transform')) return [...el.children].forEach((c) => place(c as SVGGraphicsElement, block));
    const box = boxInViewBox(svg, el);
    const left = box !== null && box.x1 <= block.frame + 1;
    const isText = el.tagName.toLowerCase() === 'text';
    transforms.push([el, `${blockTransform(block, left)}${isText && !left ? ` ${unsqueeze(el, block.sx)}` : ''}`]);
  };
  for (const [el, block] of moves) place(el as SVGGraphicsElement, block);
  for (const [el, added] of transforms) {
    const own = el.getAttribute('transform');
    el.setAttribute('data-wide-transform', own ?? '');
    el.setAttribute('transform', `${added}${own ? ` ${own}` : ''}`);
  }
  // Labels keep a readable size in CSS pixels whatever the column's width.
  const scale = boxWidthPx / width;
  for (const t of plot.querySelectorAll<SVGTextElement>('text')) {
    const size = parseFloat(getComputedStyle(t).fontSize);
    if (!(size * scale < MIN_TEXT_PX)) continue;
    t.setAttribute('data-wide-font', t.getAttribute('font-size') ?? '');
    t.setAttribute('font-size', String(round(MIN_TEXT_PX / scale)));
  }
  const wrappedBottom = wrapOverWide(svg, plot, plan, width, footer);
  const legendBottom = flowLegends(svg, legendRows, plan.viewBox.x0, width, Math.max(plan.viewBox.y1, wrappedBottom));
  const bottom = setFooter(footer, plan.viewBox.x0 + width / 2, width - 16, legendBottom);
  const v = plan.viewBox;
  svg.setAttribute('viewBox', `${round(v.x0)} ${round(v.y0)} ${round(width)} ${round(bottom - v.y0)}`);
  svg.dataset.layout = 'stacked';
  return plan;
}

/**
 * A label still wider than the narrow drawing (a long title or a summary line of one panel) is centred and
 * wrapped where it is: upwards from its baseline in the top half of its panel (titles), downwards otherwise.
 * Returns the lowest baseline written, so the viewBox can grow to hold it.
 */
function wrapOverWide(svg: SVGSVGElement, plot: SVGGElement, plan: StackPlan, width: number, footer: SVGTextElement[]): number {
  let lowest = -Infinity;
  const rootInv = svg.getScreenCTM()?.inverse();
  for (const t of plot.querySelectorAll<SVGTextElement>('text')) {
    if (t.hasAttribute('data-wide-text') || footer.includes(t) || t.closest('.legend-row')) continue;
    const box = boxInViewBox(svg, t);
    if (!box || !rootInv || box.x1 - box.x0 <= width - 8) continue;
    const own = t.getScreenCTM();
    if (!own) continue;
    const m = rootInv.multiply(own);
    const text = t.textContent ?? '';
    const size = parseFloat(getComputedStyle(t).fontSize) || 14;
    const lines = wrapWords(text, Math.max(8, Math.floor(((width - 16) * text.length) / (box.x1 - box.x0))));
    const lineHeight = 1.2 * size;
    const baseline = new DOMPoint(Number(t.getAttribute('x') ?? 0), Number(t.getAttribute('y') ?? 0)).matrixTransform(m).y;
    const block = plan.blocks.find((b) => baseline >= b.y && baseline <= b.y + b.source.y1 - b.source.y0);
    const upwards = block ? baseline < block.y + (block.source.y1 - block.source.y0) / 2 : false;
    // A summary line low in its panel goes under all panels, with the other over-wide lines there.
    const movedAlone = t.getAttribute('data-wide-transform') === '' && !t.parentElement?.closest('[transform]');
    if (!upwards && movedAlone) {
      t.removeAttribute('transform');
      t.removeAttribute('data-wide-transform');
      footer.push(t);
      continue;
    }
    const first = upwards ? baseline - (lines.length - 1) * lineHeight : baseline;
    const local = (y: number) => new DOMPoint(plan.viewBox.x0 + width / 2, y).matrixTransform(m.inverse());
    const start = local(first);
    setLines(t, lines, { x: start.x, y: start.y, anchor: 'middle', lineHeight });
    lowest = Math.max(lowest, first + (lines.length - 1) * lineHeight + 0.35 * size);
  }
  return lowest;
}

/**
 * Flows the entries of each legend row left to right under the panels, starting a new line when the next entry
 * would not fit; each entry keeps its own drawing and is only shifted. Returns the new bottom.
 */
function flowLegends(svg: SVGSVGElement, rows: SVGGElement[], left: number, width: number, top: number): number {
  let y = top;
  for (const row of rows) {
    // An entry wider than the drawing (a long explanation after its line sample) wraps its text first.
    for (const el of row.children) {
      const box = boxInViewBox(svg, el as SVGGraphicsElement);
      const text = el.querySelector<SVGTextElement>('text');
      if (box && text && box.x1 - box.x0 > width - 24) wrapInPlace(text, width - 24 - (box.x1 - box.x0 - text.getComputedTextLength()));
    }
    const items = [...row.children].map((el) => ({ el, box: boxInViewBox(svg, el as SVGGraphicsElement) })).filter((i) => i.box !== null);
    if (items.length === 0) continue;
    const lineHeight = Math.max(...items.map((i) => i.box!.y1 - i.box!.y0)) + 8;
    let x = left + 12;
    y += lineHeight;
    for (const { el, box } of items) {
      const w = box!.x1 - box!.x0;
      if (x > left + 12 && x + w > left + width - 8) { x = left + 12; y += lineHeight; }
      const own = el.getAttribute('transform');
      el.setAttribute('data-wide-transform', own ?? '');
      el.setAttribute('transform', `translate(${round(x - box!.x0)},${round(y - box!.y1)})${own ? ` ${own}` : ''}`);
      x += w + 18;
    }
  }
  return y + 4;
}

/** Wraps a start-anchored label onto lines of at most `maxWidth` units, keeping its x and first baseline. */
function wrapInPlace(t: SVGTextElement, maxWidth: number): void {
  const text = t.textContent ?? '';
  const perChar = t.getComputedTextLength() / Math.max(1, text.length);
  const lines = wrapWords(text, Math.max(8, Math.floor(maxWidth / Math.max(perChar, 1))));
  if (lines.length < 2) return;
  const size = parseFloat(getComputedStyle(t).fontSize) || 14;
  setLines(t, lines, { lineHeight: 1.2 * size });
}

/**
 * Sets each over-wide label centred under the stacked panels, wrapped at spaces into lines that fit `maxWidth`
 * (estimated from the label's own rendered length). Labels that share their text and place (a halo and its
 * label) share their lines. Returns the new bottom of the drawing.
 */
function setFooter(texts: SVGTextElement[], centre: number, maxWidth: number, top: number): number {
  let y = top;
  const placed = new Map<string, number>();
  for (const t of texts) {
    const text = t.textContent ?? '';
    const size = parseFloat(getComputedStyle(t).fontSize) || 14;
    const key = `${t.getAttribute('x')} ${t.getAttribute('y')} ${text}`;
    const perChar = t.getComputedTextLength() / Math.max(1, text.length);
    const lines = wrapWords(text, Math.max(8, Math.floor(maxWidth / Math.max(perChar, 1))));
    const lineHeight = 1.25 * size;
    const first = placed.get(key) ?? y + size + 4;
    if (!placed.has(key)) { placed.set(key, first); y = first + (lines.length - 1) * lineHeight + 0.35 * size; }
    setLines(t, lines, { x: centre, y: first, anchor: 'middle', lineHeight });
  }
  return y + 6;
}

/**
 * Writes `lines` into a label, one tspan each, every line after the first `lineHeight` lower, after saving the
 * label as it was (`data-wide-text`, which unstack restores). Without `x` and `y` the label keeps its own place;
 * without `anchor`, its own anchor.
 */
function setLines(t: SVGTextElement, lines: string[], at: { x?: number; y?: number; anchor?: string; lineHeight: number }): void {
  t.setAttribute('data-wide-text', JSON.stringify({ x: t.getAttribute('x'), y: t.getAttribute('y'), anchor: t.getAttribute('text-anchor'), text: t.textContent ?? '' }));
  const x = at.x === undefined ? (t.getAttribute('x') ?? '0') : String(round(at.x));
  if (at.x !== undefined) t.setAttribute('x', x);
  if (at.y !== undefined) t.setAttribute('y', String(round(at.y)));
  if (at.anchor) t.setAttribute('text-anchor', at.anchor);
  t.textContent = '';
  lines.forEach((line, k) => {
    const span = document.createElementNS('http://www.w3.org/2000/svg', 'tspan');
    span.setAttribute('x', x);
    if (k > 0) span.setAttribute('dy', String(round(at.lineHeight)));
    span.textContent = line;
    t.append(span);
  });
}

/**
 * Puts a figure back in its wide layout: moved elements get their own transforms back (a fresh drawing has
 * none to undo), and the viewBox its wide size. Also makes stackPanels safe to call twice on one drawing.
 */
export function unstack(svg: SVGSVGElement, wide: { width: number; height: number }): void {
  for (const el of svg.querySelectorAll('[data-wide-transform]')) {
    const own = el.getAttribute('data-wide-transform');
    if (own) el.setAttribute('transform', own);
    else el.removeAttribute('transform');
    el.removeAttribute('data-wide-transform');
  }
  for (const t of svg.querySelectorAll('[data-wide-font]')) {
    const size = t.getAttribute('data-wide-font');
    if (size) t.setAttribute('font-size', size);
    else t.removeAttribute('font-size');
    t.removeAttribute('data-wide-font');
  }
  for (const t of svg.querySelectorAll('[data-wide-text]')) {
    const { x, y, anchor, text } = JSON.parse(t.getAttribute('data-wide-text')!) as { x: string | null; y: string | null; anchor: string | null; text: string };
    for (const [name, value] of [['x', x], ['y', y], ['text-anchor', anchor]] as const) {
      if (value === null) t.removeAttribute(name);
      else t.setAttribute(name, value);
    }
    t.textContent = text;
    t.removeAttribute('data-wide-text');
  }
  svg.setAttribute('viewBox', `0 0 ${wide.width} ${wide.height}`);
  delete svg.dataset.layout;
}

const round = (v: number) => Math.round(v * 100) / 100;

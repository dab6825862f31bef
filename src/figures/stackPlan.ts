import type { Area } from './clip.ts';

/** A rectangle in viewBox units. */
export interface Rect { x0: number; y0: number; x1: number; y1: number }

/** One panel's share of the wide drawing and where it goes in the narrow one. */
export interface Block {
  /** The part of the wide drawing that belongs to this panel: its plot area plus room for its axes and title. */
  source: Rect;
  /** Left edge of the block's plot area(s) in the wide drawing: axis labels left of it are not squeezed. */
  frame: number;
  /** Left edge and top of `source` in the narrow drawing. */
  x: number;
  y: number;
  /**
   * Horizontal squeeze (≤ 1): a panel much wider than the others (a spectrum under three panels) is narrowed
   * to the column instead of making every other panel small; its text is un-squeezed (narrowLayout.ts).
   */
  sx: number;
}

/**
 * The SVG transform that moves a block's content from the wide drawing to the narrow one. In a squeezed block,
 * what lies left of the plot frame (tick labels, the y label) keeps its distance to the frame: pass
 * `leftOfFrame` for it, and it is only shifted.
 */
export function blockTransform(b: Block, leftOfFrame = false): string {
  const r = (v: number) => Math.round(v * 100) / 100;
  const dy = r(b.y - b.source.y0);
  if (b.sx === 1) return `translate(${r(b.x - b.source.x0)},${dy})`;
  // The squeeze is anchored so that the frame lands where the unsqueezed margin ends.
  const frameAt = b.x + (b.frame - b.source.x0);
  if (leftOfFrame) return `translate(${r(frameAt - b.frame)},${dy})`;
  return `translate(${r(frameAt)},${dy}) scale(${r(b.sx * 1e4) / 1e4},1) translate(${r(-b.frame)},0)`;
}

/** The narrow arrangement of a figure: its blocks, stacked top to bottom, and the new viewBox. */
export interface StackPlan { blocks: Block[]; viewBox: Rect }

/**
 * Room around a plot area that still belongs to its panel: tick labels and the rotated y label on the left
 * (drawAxes puts it 52 units left of the frame), the x label below (50 units), the title above.
 */
const MARGIN = { left: 80, right: 22, top: 50, bottom: 60 };
/** Vertical space between stacked panels. */
const GAP = 14;
/** Side room in the narrow drawing for what sticks out of a block (the last tick label, centred on the frame). */
const PAD = 16;
/** A block more than this many times wider than the median block is an outlier, squeezed to the others' width. */
const OUTLIER = 1.5;

/**
 * Plans the narrow layout of a figure drawn for a wide screen: the plot areas are grouped into rows (areas
 * that overlap vertically), each row into columns, and every panel becomes a block; the blocks are stacked in
 * reading order (row by row, left to right) and centred on the widest. The first and last rows extend to the
 * viewBox's top and bottom so that titles above and legends below the panels travel with them.
 *
 * Pure geometry: the DOM side (narrowLayout.ts) assigns every drawn element to a block and applies the shift.
 */
export function planStack(areas: readonly Area[], viewBox: Rect): StackPlan | null {
  if (areas.length < 2) return null;
  const rows: Area[][] = [];
  for (const a of [...areas].sort((p, q) => p.y0 - q.y0)) {
    const row = rows.at(-1);
    if (row && a.y0 < Math.max(...row.map((r) => r.y1))) row.push(a);
    else rows.push([a]);
  }
  const sources: (Rect & { frame: number })[] = [];
  rows.forEach((row, r) => {
    const top = Math.min(...row.map((a) => a.y0));
    const bottom = Math.max(...row.map((a) => a.y1));
    const prevBottom = r > 0 ? Math.max(...rows[r - 1].map((a) => a.y1)) : -Infinity;
    const nextTop = r < rows.length - 1 ? Math.min(...rows[r + 1].map((a) => a.y0)) : Infinity;
    const y0 = r === 0 ? viewBox.y0 : Math.max(top - MARGIN.top, (prevBottom + top) / 2);
    const y1 = r === rows.length - 1 ? viewBox.y1 : Math.min(bottom + MARGIN.bottom, (bottom + nextTop) / 2);
    // Areas of a row that overlap horizontally (two panels stacked in one column) form one column.
    const cols: Area[] = [];
    for (const a of [...row].sort((p, q) => p.x0 - q.x0)) {
      const c = cols.at(-1);
      if (c && a.x0 < c.x1) cols[cols.length - 1] = { x0: c.x0, x1: Math.max(c.x1, a.x1), y0: Math.min(c.y0, a.y0), y1: Math.max(c.y1, a.y1) };
      else cols.push(a);
    }
    // Neighbouring columns split the gap between them where the right one's axis labels begin.
    const cuts = cols.slice(1).map((a, k) => Math.max(cols[k].x1 + 4, a.x0 - MARGIN.left));
    cols.forEach((a, k) => {
      const x0 = k === 0 ? Math.max(viewBox.x0, a.x0 - MARGIN.left) : cuts[k - 1];
      // Labels at the ends of curves sit right of the frame: a panel owns the space up to the next cut.
      const x1 = k === cols.length - 1 ? Math.min(viewBox.x1, Math.max(a.x1 + MARGIN.right, viewBox.x1 - 4)) : cuts[k];
      sources.push({ x0, y0, x1, y1, frame: a.x0 });
    });
  });
  const widths = sources.map((s) => s.x1 - s.x0);
  const sorted = [...widths].sort((a, b) => a - b);
  const median = (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
  const inner = Math.max(...widths.filter((w) => w <= OUTLIER * median));
  const width = inner + 2 * PAD;
  let cursor = viewBox.y0;
  const blocks = sources.map((s): Block => {
    // Only the part right of the frame is squeezed; the margin with the axis labels keeps its width.
    const margin = s.frame - s.x0;
    const sx = Math.min(1, (inner - margin) / (s.x1 - s.frame));
    const { frame, ...source } = s;
    const narrowWidth = margin + sx * (s.x1 - s.frame);
    const block = { source, frame, x: viewBox.x0 + (width - narrowWidth) / 2, y: cursor, sx };
    cursor += s.y1 - s.y0 + GAP;
    return block;
  });
  return { blocks, viewBox: { x0: viewBox.x0, y0: viewBox.y0, x1: viewBox.x0 + width, y1: cursor - GAP } };
}

/** The block an element with bounding box `box` (wide coordinates) belongs to, or null if it spans several. */
export function blockContaining(plan: StackPlan, box: Rect, tolerance = 10): Block | null {
  return plan.blocks.find((b) => box.x0 >= b.source.x0 - tolerance && box.x1 <= b.source.x1 + tolerance
    && box.y0 >= b.source.y0 - tolerance && box.y1 <= b.source.y1 + tolerance) ?? null;
}

/** The block under a point of the wide drawing (nearest by centre when the point is in none). */
export function blockAt(plan: StackPlan, x: number, y: number): Block {
  const inside = plan.blocks.find((b) => x >= b.source.x0 && x <= b.source.x1 && y >= b.source.y0 && y <= b.source.y1);
  if (inside) return inside;
  const d = (b: Block) => Math.hypot(x - (b.source.x0 + b.source.x1) / 2, y - (b.source.y0 + b.source.y1) / 2);
  return plan.blocks.reduce((best, b) => (d(b) < d(best) ? b : best));
}

/** Maps a point of the narrow drawing back to the wide one (where a figure's pointer handler expects it). */
export function toWide(plan: StackPlan, x: number, y: number): { x: number; y: number } {
  const b = plan.blocks.find((k) => x >= k.x && x <= k.x + (k.frame - k.source.x0) + k.sx * (k.source.x1 - k.frame) && y >= k.y && y <= k.y + k.source.y1 - k.source.y0);
  if (!b) return { x: NaN, y: NaN };
  const frameAt = b.x + (b.frame - b.source.x0);
  return { x: x < frameAt ? x - frameAt + b.frame : b.frame + (x - frameAt) / b.sx, y: b.source.y0 + (y - b.y) };
}

/**
 * Breaks a label into lines of at most `maxChars` characters at spaces (a word longer than that gets a line of its
 * own): how a one-line caption-like label of a wide figure is set under the stacked panels.
 */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) { lines.push(line); line = word; }
    else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

import { select, type Selection } from 'd3';
import { ink } from './palette.ts';
import { type Area, type Point, clampTo, inArea } from './clip.ts';
import { px } from './format.ts';

export type PlotRoot = Selection<SVGGElement, unknown, null, undefined>;
type G = Selection<SVGGElement, unknown, null, undefined>;

/** A plot panel: its horizontal extent in viewBox units and the title centred above it. */
export interface Panel { x0: number; x1: number; title: string }

/**
 * Replaces the figure's drawing with an empty `g.plot`. `draw` runs on every animation frame and after every
 * slider change, so it must start from scratch; the SVG's own <title>/<desc> stay outside `g.plot`.
 *
 * `shown` names the control values this drawing depicts (computed from the data drawn, not copied from the
 * sliders); it is written to `data-drawn-params` so a browser test can check every label against the sliders.
 */
export function plotRoot(svgNode: SVGSVGElement, shown?: Record<string, number>): PlotRoot {
  const svg = select(svgNode);
  svg.selectAll('g.plot').remove();
  const root = svg.append('g').attr('class', 'plot');
  if (shown) root.attr('data-drawn-params', JSON.stringify(shown));
  return root;
}

/** Bold titles centred above each panel, on one baseline. */
export function drawPanelTitles(root: PlotRoot, panels: readonly Panel[], fontSize = 19): void {
  for (const p of panels) {
    root.append('text').attr('x', (p.x0 + p.x1) / 2).attr('y', 28).attr('text-anchor', 'middle').attr('font-size', fontSize).attr('font-weight', 600).attr('fill', ink).text(p.title);
  }
}

/**
 * Tags a panel group with its plot area (`data-plot-area="x0 y0 x1 y1"` in viewBox units). Every path, line,
 * circle and rect in the group outside its `.axes` child must lie inside this rectangle; `drawAxes` calls this,
 * so every panel drawn with it is tagged.
 */
export function markPlotArea(g: G, area: Area): void {
  g.attr('data-plot-area', `${px(area.x0)} ${px(area.y0)} ${px(area.x1)} ${px(area.y1)}`);
}

/**
 * Text with a white halo, legible over curves and contours: the halo is a separate white-stroked copy drawn
 * underneath, so it does not depend on `paint-order` support (print engines and some viewers ignore it and
 * would paint the stroke over the letters).
 */
export function haloText(g: G, text: string, x: number, y: number, opts: { colour?: string; size?: number; anchor?: 'start' | 'middle' | 'end'; weight?: number } = {}): void {
  const { colour = ink, size = 15, anchor = 'start', weight } = opts;
  const t = g.append('g').attr('class', 'halo-label');
  const halo = t.append('text').attr('x', px(x)).attr('y', px(y)).attr('text-anchor', anchor).attr('font-size', size)
    .attr('fill', 'none').attr('stroke', '#fff').attr('stroke-width', 4).attr('stroke-linejoin', 'round').attr('aria-hidden', 'true').text(text);
  const label = t.append('text').attr('x', px(x)).attr('y', px(y)).attr('text-anchor', anchor).attr('font-size', size).attr('fill', colour).text(text);
  if (weight) { halo.attr('font-weight', weight); label.attr('font-weight', weight); }
}

/**
 * Spreads label baselines (wanted positions `ys`, any order) so neighbours are at least `gap` apart while
 * staying in [lo, hi]; returns the positions in the input order. Labels keep their order on the page.
 * `direction` says which way a crowded label moves: 'up' keeps the lowest label where it wants to be and
 * stacks the others above it (labels above curves that end at their targets), 'down' the opposite.
 */
export function spreadLabels(ys: readonly number[], gap: number, lo: number, hi: number, direction: 'up' | 'down' = 'down'): number[] {
  const order = ys.map((y, k) => [clampTo(y, lo, hi), k] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const n = order.length;
  const pushDown = () => { for (let k = 1; k < n; k++) order[k][0] = Math.max(order[k][0], order[k - 1][0] + gap); };
  const pushUp = () => { for (let k = n - 2; k >= 0; k--) order[k][0] = Math.min(order[k][0], order[k + 1][0] - gap); };
  if (direction === 'down') { pushDown(); if (n && order[n - 1][0] > hi) { order[n - 1][0] = hi; pushUp(); } }
  else { pushUp(); if (n && order[0][0] < lo) { order[0][0] = lo; pushDown(); } }
  const out = new Array<number>(ys.length);
  for (const [y, k] of order) out[k] = y;
  return out;
}

/**
 * Draws a diverged run on purpose: a cross at the run's last finite point (when it is inside the panel) and
 * the label "diverged at step k" inside the plot area, so the reader sees where the run left and why the
 * curve stops. `last` is in viewBox units.
 */
export function drawDiverged(g: G, area: Area, last: Point | null, step: number, colour: string, where: 'top' | 'middle' | 'bottom' = 'top'): void {
  if (last && inArea(last, area)) {
    const [cx, cy] = last;
    const r = 7;
    g.append('path').attr('class', 'diverged-marker').attr('d', `M${px(cx - r)},${px(cy - r)}L${px(cx + r)},${px(cy + r)}M${px(cx - r)},${px(cy + r)}L${px(cx + r)},${px(cy - r)}`)
      .attr('stroke', colour).attr('stroke-width', 3).attr('fill', 'none');
  }
  const y = where === 'top' ? area.y0 + 22 : where === 'bottom' ? area.y1 - 12 : (area.y0 + area.y1) / 2;
  haloText(g, `diverged at step ${step}`, (area.x0 + area.x1) / 2, y, { colour, size: 16, anchor: 'middle', weight: 600 });
}

import type { ScaleLinear, Selection } from 'd3';
import { ink, muted } from './palette.ts';
import { px } from './format.ts';
import { areaOf } from './clip.ts';
import { markPlotArea } from './plotFrame.ts';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Optional tick overrides, e.g. integer exponents labelled 10ᵏ for an axis that plots log₁₀ of a quantity. */
export interface AxisTicks {
  xTicks?: number[];
  yTicks?: number[];
  xFormat?: (v: number) => string;
  yFormat?: (v: number) => string;
}

/** A scale's domain made safe to draw: non-finite ends are replaced, a zero-width domain is widened. */
function guardDomain(s: ScaleLinear<number, number>): void {
  const [a, b] = s.domain();
  if (Number.isFinite(a) && Number.isFinite(b) && a !== b) return;
  const lo = Number.isFinite(a) ? a : Number.isFinite(b) ? b : 0;
  const hi = Number.isFinite(b) && b !== lo ? b : lo + (Math.abs(lo) > 0 ? Math.abs(lo) : 1);
  s.domain([lo, hi]);
}

/**
 * Draws a bottom and a left axis from the scales' own ticks. Hand-written instead of d3-axis so the output
 * is identical in linkedom and in the browser (no transitions, no measured text).
 *
 * It also makes the panel safe for every slider position, for all figures at once:
 * - the scales are clamped (`clamp(true)`), so a mark placed with them cannot leave the panel (curves should
 *   still be cut at the frame with `clippedPath` from `clip.ts`, which does not flatten them onto it);
 * - a non-finite or empty domain is replaced by a finite one, so no tick or mark gets NaN;
 * - `g` is tagged with its plot area (`data-plot-area`), which the browser figure sweep checks marks against.
 */
export function drawAxes(g: G, x: ScaleLinear<number, number>, y: ScaleLinear<number, number>, labels: { x: string; y: string }, ticks: AxisTicks = {}): void {
  guardDomain(x);
  guardDomain(y);
  x.clamp(true);
  y.clamp(true);
  markPlotArea(g, areaOf(x, y));
  const [x0, x1] = x.range();
  const [y0, y1] = y.range();
  const fx = ticks.xFormat ?? x.tickFormat(6);
  const fy = ticks.yFormat ?? y.tickFormat(5);
  const [dx0, dx1] = x.domain();
  const [dy0, dy1] = y.domain();
  const inX = (t: number) => Number.isFinite(t) && t >= Math.min(dx0, dx1) - 1e-9 * Math.abs(dx1 - dx0) && t <= Math.max(dx0, dx1) + 1e-9 * Math.abs(dx1 - dx0);
  const inY = (t: number) => Number.isFinite(t) && t >= Math.min(dy0, dy1) - 1e-9 * Math.abs(dy1 - dy0) && t <= Math.max(dy0, dy1) + 1e-9 * Math.abs(dy1 - dy0);
  const axis = g.append('g').attr('class', 'axes').attr('font-size', 15).attr('fill', muted);
  axis.append('line').attr('x1', x0).attr('x2', x1).attr('y1', y0).attr('y2', y0).attr('stroke', ink);
  axis.append('line').attr('x1', x0).attr('x2', x0).attr('y1', y0).attr('y2', y1).attr('stroke', ink);
  // Ticks outside the domain would pile up on the frame of a clamped scale: they are left out.
  for (const t of (ticks.xTicks ?? x.ticks(6)).filter(inX)) {
    axis.append('line').attr('x1', px(x(t))).attr('x2', px(x(t))).attr('y1', y0).attr('y2', y0 + 6).attr('stroke', ink);
    axis.append('text').attr('x', px(x(t))).attr('y', y0 + 24).attr('text-anchor', 'middle').text(fx(t));
  }
  for (const t of (ticks.yTicks ?? y.ticks(5)).filter(inY)) {
    axis.append('line').attr('x1', x0 - 6).attr('x2', x0).attr('y1', px(y(t))).attr('y2', px(y(t))).attr('stroke', ink);
    axis.append('text').attr('x', x0 - 10).attr('y', px(y(t) + 5)).attr('text-anchor', 'end').text(fy(t));
  }
  axis.append('text').attr('x', (x0 + x1) / 2).attr('y', y0 + 50).attr('text-anchor', 'middle').attr('fill', ink).text(labels.x);
  axis.append('text').attr('transform', `translate(${x0 - 52},${(y0 + y1) / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('fill', ink).text(labels.y);
}

/** Integer exponents covering [lo, hi] (log₁₀ units), for a log axis drawn on a linear scale of log₁₀ values. */
export function decadeTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = Math.ceil(lo - 1e-9); k <= hi + 1e-9; k++) out.push(k);
  return out;
}

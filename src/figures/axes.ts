import type { Selection } from 'd3-selection';
import type { ScaleLinear } from 'd3-scale';
import { ink, muted } from './palette.ts';
import { px } from './format.ts';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Optional tick overrides, e.g. integer exponents labelled 10ᵏ for an axis that plots log₁₀ of a quantity. */
export interface AxisTicks {
  xTicks?: number[];
  yTicks?: number[];
  xFormat?: (v: number) => string;
  yFormat?: (v: number) => string;
}

/**
 * Draws a bottom and a left axis from the scales' own ticks. Hand-written instead of d3-axis so the output
 * is identical in linkedom and in the browser (no transitions, no measured text).
 */
export function drawAxes(g: G, x: ScaleLinear<number, number>, y: ScaleLinear<number, number>, labels: { x: string; y: string }, ticks: AxisTicks = {}): void {
  const [x0, x1] = x.range();
  const [y0, y1] = y.range();
  const fx = ticks.xFormat ?? x.tickFormat(6);
  const fy = ticks.yFormat ?? y.tickFormat(5);
  const axis = g.append('g').attr('class', 'axes').attr('font-size', 15).attr('fill', muted);
  axis.append('line').attr('x1', x0).attr('x2', x1).attr('y1', y0).attr('y2', y0).attr('stroke', ink);
  axis.append('line').attr('x1', x0).attr('x2', x0).attr('y1', y0).attr('y2', y1).attr('stroke', ink);
  for (const t of ticks.xTicks ?? x.ticks(6)) {
    axis.append('line').attr('x1', px(x(t))).attr('x2', px(x(t))).attr('y1', y0).attr('y2', y0 + 6).attr('stroke', ink);
    axis.append('text').attr('x', px(x(t))).attr('y', y0 + 24).attr('text-anchor', 'middle').text(fx(t));
  }
  for (const t of ticks.yTicks ?? y.ticks(5)) {
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

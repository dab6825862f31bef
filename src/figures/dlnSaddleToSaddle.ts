import { line, scaleLinear } from 'd3';
import { depthHalfTime, depthModeTime } from '../engine/closed/depthMode.ts';
import type { EngineHost, FigureSpec, FigureStep } from './FigureSpec.ts';
import { drawAxes, decadeTicks } from './axes.ts';
import { palette, ink, muted } from './palette.ts';
import { powerOfTen } from './format.ts';
import { plotRoot, drawPanelTitles } from './plotFrame.ts';

export interface DlnSaddleToSaddleData {
  depth: number;
  u0: number;
  /** Teacher singular values, largest first. */
  s: number[];
  /** Engine gradient flow of the full network: time, loss and the top singular values of W = W_L⋯W_1. */
  t: number[];
  loss: number[];
  singularValues: number[][];
  /** Closed-form mode curves u̇ = N u^{2−2/N}(s − u), sampled along u: points (t, u) per mode. */
  closed: { t: number[]; u: number[] }[];
  halfTimes: number[];
  /** Half-times read off the simulation (first record with singular value ≥ s/2). */
  simulatedHalfTimes: number[];
  /** Loss plateaus ½Σ_{α>k} s_α² at the saddles, k = 0..n. */
  plateaus: number[];
  /** log₁₀ of the plotted time range. */
  logRange: [number, number];
}

const W = 900;
const H = 430;
const MODES = 3;
const RECORDS = 400;
const TOP = 50;
const BOTTOM = 350;
const PANELS = [
  { x0: 90, x1: 430, title: 'Singular values of W(t)' },
  { x0: 540, x1: 880, title: 'Loss ½‖M − W(t)‖²' },
];

const spectrum = (ratio: number) => Array.from({ length: MODES }, (_, k) => 3 * ratio ** k);

function timeRange(depth: number, s: number[], u0: number): { T: number; logRange: [number, number] } {
  // Until the weakest mode is 98% learned, plus a margin, so every plateau and the final descent are visible.
  const sMin = s[s.length - 1];
  const T = 1.15 * depthModeTime(depth, sMin, u0, 0.98 * sMin);
  return { T, logRange: [Math.log10(T / RECORDS), Math.log10(T)] };
}

async function compute(p: Record<string, number>, engine: EngineHost): Promise<DlnSaddleToSaddleData> {
  const depth = Math.round(p.depth);
  const u0 = 10 ** p.log10u0;
  const s = spectrum(p.ratio);
  const { T, logRange } = timeRange(depth, s, u0);
  // A 4×4 network for a rank-3 teacher: every weight matrix is full and coupled; the decoupling into modes is
  // a consequence of the aligned, balanced start, which the engine does not assume.
  const run = await engine.run({
    model: 'dln', seed: 0, widths: Array(depth + 1).fill(MODES + 1), teacher: { singularValues: s, basis: 'random' },
    init: { kind: 'aligned', u0 }, optimizer: { kind: 'flow' }, T, records: RECORDS, ntk: false,
  });
  const sv = run.series.singularValues as number[][];
  const singularValues = s.map((_, a) => sv.map((row) => row[a]));
  const closed = s.map((si) => {
    // Sample evenly in logit(u/s) so the plateau and the jump get the same resolution.
    const lo = Math.log(u0 / (si - u0));
    const hi = Math.log(1e4);
    const u = Array.from({ length: 90 }, (_, k) => (k === 0 ? u0 : si / (1 + Math.exp(-(lo + ((hi - lo) * k) / 89)))));
    // The first sample is the start itself (t = 0, off the log axis).
    return { t: u.map((uk, k) => (k === 0 ? 0 : depthModeTime(depth, si, u0, uk))), u };
  });
  const simulatedHalfTimes = s.map((si, a) => crossing(run.t, singularValues[a], si / 2));
  const plateaus = s.map((_, k) => 0.5 * s.slice(k).reduce((acc, si) => acc + si * si, 0)).concat(0);
  return {
    depth, u0, s, t: run.t, loss: run.series.loss as number[], singularValues, closed,
    halfTimes: s.map((si) => depthHalfTime(depth, si, u0)), simulatedHalfTimes, plateaus, logRange,
  };
}

/** First time the sampled curve reaches `level`, linearly interpolated between records. */
function crossing(t: number[], v: number[], level: number): number {
  const k = v.findIndex((x) => x >= level);
  if (k <= 0) return k === 0 ? t[0] : NaN;
  return t[k - 1] + ((level - v[k - 1]) / (v[k] - v[k - 1])) * (t[k] - t[k - 1]);
}

const law = (N: number) => (N === 2 ? '2u(s − u)' : `${N}u^(${N === 3 ? '4/3' : '3/2'})(s − u)`);

function draw(svgNode: SVGSVGElement, d: DlnSaddleToSaddleData, progress: number): void {
  const root = plotRoot(svgNode, { depth: d.depth, log10u0: Number(Math.log10(d.u0).toFixed(6)), ratio: Number((d.s[1] / d.s[0]).toFixed(6)) });
  const [lo, hi] = d.logRange;
  const tCut = 10 ** (lo + progress * (hi - lo));
  const shown = d.t.filter((t) => t > 0 && t <= tCut).length;
  const ticks = { xTicks: decadeTicks(lo, hi), xFormat: powerOfTen };

  const xl = scaleLinear().domain([lo, hi]).range([PANELS[0].x0, PANELS[0].x1]);
  const yl = scaleLinear().domain([0, d.s[0] * 1.08]).nice().range([BOTTOM, TOP]);
  const left = root.append('g');
  drawAxes(left, xl, yl, { x: 'time t (log scale)', y: 'singular value' }, ticks);
  const first = d.t.findIndex((t) => t > 0);
  d.s.forEach((s, a) => {
    const colour = palette[a % palette.length];
    left.append('line').attr('x1', xl(lo)).attr('x2', xl(hi)).attr('y1', yl(s)).attr('y2', yl(s)).attr('stroke', colour).attr('stroke-dasharray', '2 6').attr('opacity', 0.7);
    const pts = d.closed[a].t.map((t, k) => [t, d.closed[a].u[k]] as const).filter(([t]) => t > 10 ** lo && t <= Math.min(tCut, 10 ** hi));
    const dashed = line<readonly [number, number]>().x((q) => xl(Math.log10(q[0]))).y((q) => yl(q[1])).digits(2);
    const sim = line<number>().x((_, k) => xl(Math.log10(d.t[first + k]))).y((v) => yl(v)).digits(2);
    left.append('path').attr('d', sim(d.singularValues[a].slice(first, first + shown)) ?? '').attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 5).attr('opacity', 0.45);
    left.append('path').attr('d', dashed(pts) ?? '').attr('fill', 'none').attr('stroke', ink).attr('stroke-width', 1.6).attr('stroke-dasharray', '6 4');
    left.append('text').attr('x', PANELS[0].x0 + 8).attr('y', yl(s) - 7).attr('font-size', 15).attr('fill', colour).text(`s${'₁₂₃'[a]} = ${s.toFixed(2)}, t½ = ${d.halfTimes[a].toFixed(2)}`);
  });

  const xr = scaleLinear().domain([lo, hi]).range([PANELS[1].x0, PANELS[1].x1]);
  const yr = scaleLinear().domain([0, d.plateaus[0] * 1.05]).nice().range([BOTTOM, TOP]);
  const right = root.append('g');
  drawAxes(right, xr, yr, { x: 'time t (log scale)', y: 'loss' }, ticks);
  d.plateaus.slice(0, -1).forEach((p, k) => {
    right.append('line').attr('x1', xr(lo)).attr('x2', xr(hi)).attr('y1', yr(p)).attr('y2', yr(p)).attr('stroke', muted).attr('stroke-dasharray', '3 5');
    right.append('text').attr('x', PANELS[1].x0 + 8).attr('y', yr(p) - 6).attr('font-size', 15).attr('fill', muted)
      .text(k === 0 ? `saddle W = 0: ${p.toFixed(2)}` : `rank-${k} saddle: ${p.toFixed(2)}`);
  });
  const lossPath = line<number>().x((_, k) => xr(Math.log10(d.t[first + k]))).y((v) => yr(v)).digits(2);
  right.append('path').attr('d', lossPath(d.loss.slice(first, first + shown)) ?? '').attr('fill', 'none').attr('stroke', ink).attr('stroke-width', 3);

  drawPanelTitles(root, PANELS);
  root.append('text').attr('x', PANELS[0].x1).attr('y', H - 6).attr('text-anchor', 'end').attr('font-size', 15).attr('fill', muted)
    .text(`depth ${d.depth}; wide: engine, dashed: closed form`);
}

function describe(d: DlnSaddleToSaddleData): string {
  const modes = d.s.map((s, a) => `s = ${s.toFixed(2)} at t = ${d.halfTimes[a].toFixed(2)} (simulation ${d.simulatedHalfTimes[a].toFixed(2)})`).join('; ');
  const steps = d.plateaus.slice(1, -1).map((p) => p.toFixed(2)).join(', then ');
  return `Gradient flow of a depth-${d.depth} linear network from a small aligned, balanced start (end-to-end strength ${powerOfTen(Math.round(Math.log10(d.u0) * 2) / 2)}), simulated by the course engine, on a logarithmic time axis. ` +
    `Each singular value of the network sits near zero, then jumps to its teacher value; stronger modes jump first. Half-way times from the closed form u̇ = ${law(d.depth)}: ${modes}. ` +
    `The loss falls in a staircase from ${d.plateaus[0].toFixed(2)}, pausing at the saddle values ${steps}, to 0.`;
}

/** Step build at the default parameters: one fragment per plateau, so the audience sees each saddle before its escape. */
function defaultSteps(): FigureStep[] {
  const s = spectrum(0.5);
  const u0 = 1e-3;
  const { logRange: [lo, hi] } = timeRange(2, s, u0);
  const at = (t: number) => (Math.log10(t) - lo) / (hi - lo);
  const half = s.map((si) => depthHalfTime(2, si, u0));
  return [
    { label: 'a long plateau at the saddle W = 0', progress: at(half[0]) - 0.08 },
    { label: 'the strongest mode is learned; plateau at the rank-1 saddle', progress: at(Math.sqrt(half[0] * half[1])) },
    { label: 'the second mode is learned; plateau at the rank-2 saddle', progress: at(Math.sqrt(half[1] * half[2])) },
    { label: 'the last mode is learned and the loss reaches zero', progress: 1 },
  ];
}

/** Saxe et al. (2014) and Jacot et al. (2021): from small initialisation, rank grows one saddle at a time. */
export const dlnSaddleToSaddle: FigureSpec<DlnSaddleToSaddleData> = {
  name: 'dln-saddle-to-saddle',
  title: 'Saddle-to-saddle dynamics of a deep linear network on a logarithmic time axis',
  width: W,
  height: H,
  controls: [
    { name: 'log10u0', label: 'initial strength log₁₀ u₀', min: -6, max: -1, step: 0.5, value: -3, format: powerOfTen },
    { name: 'depth', label: 'depth L (weight matrices)', min: 2, max: 4, step: 1, value: 2, format: (v) => String(v) },
    { name: 'ratio', label: 'spectrum ratio s₂/s₁ = s₃/s₂', min: 0.3, max: 0.9, step: 0.05, value: 0.5, format: (v) => v.toFixed(2) },
  ],
  steps: defaultSteps(),
  compute,
  draw,
  describe,
};

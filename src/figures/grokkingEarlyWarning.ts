import { line, scaleLinear } from 'd3';
import { kendallTau, rollingStats } from '../engine/ews/rollingStats.ts';
import type { Trajectory } from '../engine/index.ts';
import type { EngineHost, FigureSpec } from './FigureSpec.ts';
import { drawAxes, decadeTicks } from './axes.ts';
import { palette, muted } from './palette.ts';
import { plotRoot, drawPanelTitles } from './plotFrame.ts';
import { powerOfTen } from './format.ts';

/** The quantities a reader can monitor, in the order of the `quantity` control. */
const QUANTITIES = [
  { key: 'testLoss', label: 'log₁₀ test loss', log: true },
  { key: 'trainLoss', label: 'log₁₀ training loss', log: true },
  { key: 'weightNorm', label: 'weight norm', log: false },
] as const;

interface RunStats {
  seed: number;
  /** Training step of each record and the monitored quantity (log₁₀ for losses). */
  step: number[];
  value: number[];
  /** Rolling statistics of the quantity, linearly detrended in each window. */
  variance: number[];
  ac1: number[];
  tauVariance: number;
  tauAc1: number;
}

export interface GrokkingEarlyWarningData {
  quantity: number;
  window: number;
  /** Step at which the grokking run's test accuracy first reaches 0.5: the statistics are read before it. */
  grokStep: number;
  lastStep: number;
  /** The analysed stretch: from the record where seed 3's training accuracy first reaches 0.99 (memorisation done) to the grok step. */
  first: number;
  firstStep: number;
  analysed: number;
  runs: [RunStats, RunStats];
}

const W = 900;
const H = 462;
const TOP = 50;
const BOTTOM = 340;
const PANELS = [
  { x0: 80, x1: 290, title: 'Monitored quantity' },
  { x0: 385, x1: 595, title: 'Rolling variance' },
  { x0: 670, x1: 880, title: 'Lag-1 autocorrelation' },
];
const RUN_NAMES = ['modular-addition-grok', 'modular-addition-stuck'] as const;

function statsOf(traj: Trajectory, quantity: number, window: number, first: number, analysed: number): RunStats {
  const q = QUANTITIES[quantity];
  const raw = traj.series[q.key] as number[];
  const value = raw.map((v) => (q.log ? Math.log10(v) : v));
  // Statistics start once memorisation is over, so the fast initial transient does not dominate every window.
  const rolled = rollingStats(value.slice(first, analysed), window, 'linear');
  const pad = new Array<number>(first).fill(Number.NaN);
  const variance = [...pad, ...rolled.variance], ac1 = [...pad, ...rolled.ac1];
  const full = (a: number[]) => a.slice(first + window - 1);
  return {
    seed: traj.scenario.seed as number, step: traj.t, value, variance, ac1,
    tauVariance: kendallTau(full(variance)), tauAc1: kendallTau(full(ac1)),
  };
}

async function compute(p: Record<string, number>, engine: EngineHost): Promise<GrokkingEarlyWarningData> {
  if (!engine.precomputed) throw new Error('grokking-early-warning draws the committed modular-addition runs; this host cannot read them.');
  const [grok, stuck] = await Promise.all(RUN_NAMES.map((n) => engine.precomputed!(n)));
  const grokStep = grok.final.grokStep as number;
  const analysed = grok.t.findIndex((s) => s >= grokStep);
  const first = (grok.series.trainAcc as number[]).findIndex((a) => a >= 0.99);
  return {
    quantity: p.quantity, window: p.window, grokStep, lastStep: grok.t.at(-1)!, first, firstStep: grok.t[first], analysed,
    runs: [statsOf(grok, p.quantity, p.window, first, analysed), statsOf(stuck, p.quantity, p.window, first, analysed)],
  };
}

const fmt = (v: number, d = 2) => v.toFixed(d);
const extent = (values: number[]): [number, number] => {
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(...finite), hi = Math.max(...finite);
  const pad = (hi - lo) * 0.06 || 1;
  return [lo - pad, hi + pad];
};

function draw(svgNode: SVGSVGElement, d: GrokkingEarlyWarningData, progress: number): void {
  const root = plotRoot(svgNode, { quantity: d.quantity, window: d.window });
  drawPanelTitles(root, PANELS, 18);
  const q = QUANTITIES[d.quantity];
  const stepCut = progress * d.lastStep;
  const colours = [palette[0], palette[1]];
  const names = ['seed 3 (groks)', 'seed 1 (stuck)'];

  // Panel 1: the whole run, with the analysed stretch ending at the grok step.
  const x0 = scaleLinear().domain([0, d.lastStep]).range([PANELS[0].x0, PANELS[0].x1]).clamp(true);
  const y0 = scaleLinear().domain(extent([...d.runs[0].value, ...d.runs[1].value])).range([BOTTOM, TOP]).clamp(true);
  const g0 = root.append('g');
  drawAxes(g0, x0, y0, { x: 'training step', y: q.label }, { xTicks: [0, 40000, 80000], xFormat: (v) => (v === 0 ? '0' : `${v / 1000}k`) });
  g0.append('line').attr('x1', x0(d.grokStep)).attr('x2', x0(d.grokStep)).attr('y1', BOTTOM).attr('y2', TOP).attr('stroke', muted).attr('stroke-dasharray', '6 4');
  d.runs.forEach((r, i) => {
    const idx = r.step.map((_, k) => k).filter((k) => r.step[k] <= stepCut && Number.isFinite(r.value[k]));
    const path = line<number>().x((k) => x0(r.step[k])).y((k) => y0(r.value[k])).digits(2);
    g0.append('path').attr('d', path(idx) ?? '').attr('fill', 'none').attr('stroke', colours[i]).attr('stroke-width', 2);
  });

  // Panels 2 and 3: statistics over the stretch before the grok step, both runs.
  const xs = PANELS.slice(1).map((pn) => scaleLinear().domain([0, d.grokStep]).range([pn.x0, pn.x1]).clamp(true));
  const stat = (i: number, key: 'variance' | 'ac1', yLabel: string) => {
    // Variance on a log₁₀ axis: it spans orders of magnitude between runs and quantities.
    const shown = (v: number) => (key === 'variance' ? Math.log10(v) : v);
    const start = d.first + d.window - 1;
    const values = d.runs.flatMap((r) => r[key].slice(start).filter((v) => v > 0 || key === 'ac1').map(shown));
    const [lo, hi] = key === 'ac1' ? [-1, 1] : [Math.floor(extent(values)[0]), Math.ceil(extent(values)[1])];
    const y = scaleLinear().domain([lo, hi]).range([BOTTOM, TOP]).clamp(true);
    const g = root.append('g');
    drawAxes(g, xs[i], y, { x: 'training step', y: yLabel },
      { xTicks: [0, 20000, 40000].filter((t) => t <= d.grokStep), xFormat: (v) => (v === 0 ? '0' : `${v / 1000}k`),
        yTicks: key === 'variance' ? decadeTicks(lo, hi) : undefined, yFormat: key === 'variance' ? powerOfTen : (v) => fmt(v, 1) });
    d.runs.forEach((r, k) => {
      const idx = r[key].map((_, j) => j).filter((j) => j >= start && r.step[j] <= stepCut && Number.isFinite(r[key][j]) && (key === 'ac1' || r[key][j] > 0));
      const path = line<number>().x((j) => xs[i](r.step[j])).y((j) => y(shown(r[key][j]))).digits(2);
      g.append('path').attr('d', path(idx) ?? '').attr('fill', 'none').attr('stroke', colours[k]).attr('stroke-width', 2);
    });
  };
  stat(0, 'variance', 'variance (log scale)');
  stat(1, 'ac1', 'ρ');

  names.forEach((n, i) => {
    const r = d.runs[i];
    root.append('text').attr('x', 80).attr('y', BOTTOM + 70 + i * 22).attr('font-size', 15).attr('fill', colours[i])
      .text(`${n}: Kendall rank correlation, steps ${d.firstStep}–${d.grokStep}: ${fmt(r.tauVariance)} (variance), ${fmt(r.tauAc1)} (ρ)`);
  });
  // Its own line: beside the Kendall lines it collided with them at some window sizes.
  root.append('text').attr('x', 80).attr('y', BOTTOM + 114).attr('font-size', 15).attr('fill', muted).text(`rolling window ${d.window} records; dashed line: grok step ${d.grokStep}`);
}

function describe(d: GrokkingEarlyWarningData): string {
  const q = QUANTITIES[d.quantity];
  const [g, s] = d.runs;
  return `Rolling early-warning statistics of the ${q.label} of two committed modular-addition runs, from step ${d.firstStep} (seed 3's training accuracy reaches 0.99) to step ${d.grokStep} `
    + `(its test accuracy first reaches 0.5), ${d.analysed - d.first} records; window ${d.window} records, linear detrending. Kendall rank correlation of the rolling variance and lag-1 autocorrelation: `
    + `seed 3 (groks) ${fmt(g.tauVariance)} and ${fmt(g.tauAc1)}; seed 1 (never groks) ${fmt(s.tauVariance)} and ${fmt(s.tauAc1)}.`;
}

export const grokkingEarlyWarning: FigureSpec<GrokkingEarlyWarningData> = {
  name: 'grokking-early-warning',
  title: 'Early-warning statistics on a grokking run and on a run that never groks',
  width: W,
  height: H,
  controls: [
    { name: 'quantity', label: 'monitored quantity (0 = log test loss, 1 = log training loss, 2 = weight norm)', min: 0, max: 2, step: 1, value: 0, format: (v) => QUANTITIES[v]?.label ?? String(v) },
    { name: 'window', label: 'rolling window (records of 250 steps)', min: 10, max: 60, step: 5, value: 20 },
  ],
  compute,
  draw,
  describe,
};

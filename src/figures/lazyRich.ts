import { line, scaleLinear } from 'd3';
import { lambdaModeValue } from '../engine/closed/lambdaMode.ts';
import type { EngineHost, FigureSpec } from './FigureSpec.ts';
import { drawAxes, decadeTicks } from './axes.ts';
import { palette, ink, muted } from './palette.ts';
import { powerOfTen } from './format.ts';
import { plotRoot, drawPanelTitles } from './plotFrame.ts';

export interface LazyRichData {
  lambda: number;
  s: number[];
  u0: number;
  /** Engine gradient flow of the λ-balanced two-layer network: time and the strength of every teacher mode. */
  t: number[];
  modes: number[][];
  /** Closed-form λ-law u̇ = √(λ² + 4u²)(s − u) at log-spaced times: points (t, u) per mode. */
  closed: { t: number[]; u: number[][] };
  /** Largest |simulation − closed form| over the run. */
  maxDeviation: number;
  /** One engine run per λ: relative NTK change ‖K_T − K_0‖/‖K_0‖ and parameter distance travelled by time T. */
  sweep: { lambda: number[]; ntkChange: number[]; distance: number[] };
}

const W = 900;
const H = 440;
const S = [3, 2, 1, 0.5];
const U0 = 1e-3;
const T = 10;
const LOG_T: [number, number] = [-2, 1];
const SWEEP = [0, 0.25, 0.5, 1, 2, 4, 8, 16];
const TOP = 50;
const BOTTOM = 350;
const PANELS = [
  { x0: 85, x1: 355, title: 'Mode strengths' },
  { x0: 480, x1: 650, title: 'NTK change' },
  { x0: 735, x1: 880, title: 'Distance moved' },
];

const scenario = (lambda: number, records: number, ntk: boolean) => ({
  model: 'dln', seed: 0, widths: [4, 4, 4], teacher: { singularValues: S, basis: 'random' },
  init: { kind: 'lambda', lambda, u0: U0, aligned: true }, optimizer: { kind: 'flow' }, T, records, ntk,
});

async function compute(p: Record<string, number>, engine: EngineHost): Promise<LazyRichData> {
  const lambdas = [...new Set([...SWEEP, p.lambda])].sort((a, b) => a - b);
  // Records every T/2000 so the fast, lazy modes at large λ are resolved on the log axis.
  const [main, ...sweepRuns] = await Promise.all([engine.run(scenario(p.lambda, 2000, false)), ...lambdas.map((l) => engine.run(scenario(l, 1, true)))]);
  const rows = main.series.modeStrengths as number[][];
  const modes = S.map((_, a) => rows.map((row) => row[a]));
  let maxDeviation = 0;
  main.t.forEach((t, k) => S.forEach((s, a) => { maxDeviation = Math.max(maxDeviation, Math.abs(modes[a][k] - lambdaModeValue(p.lambda, s, U0, t))); }));
  const ct = Array.from({ length: 31 }, (_, k) => 10 ** (LOG_T[0] + ((LOG_T[1] - LOG_T[0]) * k) / 30));
  const closed = { t: ct, u: S.map((s) => ct.map((t) => lambdaModeValue(p.lambda, s, U0, t))) };
  const fin = (r: (typeof sweepRuns)[number], key: string) => r.final[key] as number;
  return {
    lambda: p.lambda, s: S, u0: U0, t: main.t, modes, closed, maxDeviation,
    sweep: { lambda: lambdas, ntkChange: sweepRuns.map((r) => fin(r, 'ntkChange')), distance: sweepRuns.map((r) => fin(r, 'distanceFromInit')) },
  };
}

function draw(svgNode: SVGSVGElement, d: LazyRichData, progress: number): void {
  const root = plotRoot(svgNode, { lambda: d.lambda });
  const [lo, hi] = LOG_T;
  const tCut = 10 ** (lo + progress * (hi - lo));

  const x1 = scaleLinear().domain([lo, hi]).range([PANELS[0].x0, PANELS[0].x1]);
  const y1 = scaleLinear().domain([0, 3.3]).range([BOTTOM, TOP]);
  const left = root.append('g');
  drawAxes(left, x1, y1, { x: 'time t (log scale)', y: 'mode strength uᵢ' }, { xTicks: decadeTicks(lo, hi), xFormat: powerOfTen });
  const threshold = d.lambda / 2;
  if (threshold > 0 && threshold < 3.3) {
    left.append('line').attr('x1', x1(lo)).attr('x2', x1(hi)).attr('y1', y1(threshold)).attr('y2', y1(threshold)).attr('stroke', muted).attr('stroke-dasharray', '8 4');
    left.append('text').attr('x', x1(lo) + 6).attr('y', y1(threshold) - 6).attr('font-size', 14).attr('fill', muted).text(`|λ|/2 = ${threshold.toFixed(2)}`);
  }
  const idx = d.t.map((t, k) => [t, k] as const).filter(([t]) => t >= 10 ** lo && t <= tCut).map(([, k]) => k);
  d.s.forEach((s, a) => {
    const colour = palette[a % palette.length];
    const sim = line<number>().x((k) => x1(Math.log10(d.t[k]))).y((k) => y1(d.modes[a][k])).digits(2);
    left.append('path').attr('d', sim(idx) ?? '').attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 3);
    d.closed.t.forEach((t, k) => {
      if (t > tCut) return;
      left.append('circle').attr('cx', x1(Math.log10(t))).attr('cy', y1(d.closed.u[a][k])).attr('r', 2.6).attr('fill', '#fff').attr('stroke', ink).attr('stroke-width', 1.2);
    });
    left.append('text').attr('x', x1(hi) + 4).attr('y', y1(s) + 5).attr('font-size', 14).attr('fill', colour).text(`s=${s}`);
  });

  // Both summaries on a √λ axis, so λ = 0 (rich) and λ = 16 (lazy) share one readable axis.
  const lambdaTicks = [0, 1, 4, 9, 16];
  const sweepX = (x0: number, x1v: number) => scaleLinear().domain([0, 4]).range([x0, x1v]);
  const panel = (i: number, values: number[], logY: boolean, ylabel: string, colour: string) => {
    const g = root.append('g');
    const x = sweepX(PANELS[i].x0, PANELS[i].x1);
    const v = logY ? values.map((q) => Math.log10(q)) : values;
    const yLo = logY ? Math.floor(Math.min(...v)) : 0;
    const yHi = logY ? Math.ceil(Math.max(...v)) : Math.max(...v) * 1.1;
    const y = scaleLinear().domain([yLo, yHi]).range([BOTTOM, TOP]);
    if (!logY) y.nice();
    drawAxes(g, x, y, { x: 'λ (√ scale)', y: ylabel }, { xTicks: lambdaTicks.map(Math.sqrt), xFormat: (q) => String(Math.round(q * q)), ...(logY ? { yTicks: decadeTicks(yLo, yHi), yFormat: powerOfTen } : { yTicks: y.ticks(4) }) });
    const shown = d.sweep.lambda.map((l, k) => [l, k] as const).filter(([l]) => progress >= 1 || l <= d.lambda);
    const path = line<readonly [number, number]>().x(([l]) => x(Math.sqrt(l))).y(([, k]) => y(v[k])).digits(2);
    g.append('path').attr('d', path(shown) ?? '').attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 2);
    for (const [l, k] of shown) {
      const current = l === d.lambda;
      g.append('circle').attr('cx', x(Math.sqrt(l))).attr('cy', y(v[k])).attr('r', current ? 7 : 3.5).attr('fill', current ? colour : '#fff').attr('stroke', colour).attr('stroke-width', 2);
    }
  };
  panel(1, d.sweep.ntkChange, true, 'relative change by t = 10', palette[1]);
  panel(2, d.sweep.distance, false, '‖θ − θ₀‖ at t = 10', palette[2]);

  drawPanelTitles(root, PANELS);
  root.append('text').attr('x', PANELS[0].x0).attr('y', H - 4).attr('font-size', 14).attr('fill', muted).text(`λ = ${d.lambda}; lines: engine, dots: closed form; filled dot: current λ`);
}

function describe(d: LazyRichData): string {
  const k = d.sweep.lambda.indexOf(d.lambda);
  const regime = d.lambda === 0 ? 'balanced (rich): each mode follows a sigmoid and stronger modes are learned first'
    : d.lambda / 2 >= d.s[0] ? 'strongly unbalanced (lazy): every mode relaxes exponentially at the same rate, about λ'
      : `mixed: modes stronger than |λ|/2 = ${(d.lambda / 2).toFixed(2)} finish in the rich, sigmoidal way while weaker ones relax exponentially`;
  const first = d.sweep.ntkChange[0];
  const last = d.sweep.ntkChange.at(-1)!;
  return `Gradient flow of a two-layer linear network with λ-balanced start W₂ᵀW₂ − W₁W₁ᵀ = λI (λ = ${d.lambda}), teacher modes s = ${d.s.join(', ')}, initial mode strength ${d.u0}, simulated by the course engine; ` +
    `the closed-form law u̇ = √(λ² + 4u²)(s − u) agrees within ${d.maxDeviation.toExponential(1)}. The dynamics is ${regime}. ` +
    `By t = ${T}, the NTK has changed by ${d.sweep.ntkChange[k].toPrecision(3)} relative to its initial value and the parameters have moved ${d.sweep.distance[k].toFixed(2)}; ` +
    `across λ from 0 to ${d.sweep.lambda.at(-1)}, the NTK change falls from ${first.toPrecision(3)} to ${last.toPrecision(3)} and the distance from ${d.sweep.distance[0].toFixed(2)} to ${d.sweep.distance.at(-1)!.toFixed(2)}.`;
}

/** Dominé et al. (2025) λ-balanced initialisation; Kunin et al. (2024); the lazy/rich distinction of Chizat et al. (2019). */
export const lazyRich: FigureSpec<LazyRichData> = {
  name: 'lazy-rich',
  title: 'From rich to lazy: a two-layer linear network as its initial imbalance λ grows',
  width: W,
  height: H,
  controls: [
    { name: 'lambda', label: 'imbalance λ', min: 0, max: 16, step: 0.25, value: 2, format: (v) => v.toFixed(2) },
  ],
  compute,
  draw,
  describe,
};

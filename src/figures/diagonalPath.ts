import { line, scaleLinear } from 'd3';
import type { EngineHost, FigureSpec } from './FigureSpec.ts';
import { drawAxes, decadeTicks } from './axes.ts';
import { palette, muted } from './palette.ts';
import { powerOfTen } from './format.ts';
import { plotRoot, drawPanelTitles } from './plotFrame.ts';

interface Endpoint { l1: number; testLoss: number; beta: number[] }

export interface DiagonalPathData {
  eta: number;
  /** log₁₀ α of each run, from lazy (large) to rich (small). */
  logAlpha: number[];
  gd: Endpoint[];
  sgd: Endpoint[];
  betaStar: number[];
  betaMinL2: number[];
  l1MinL2: number;
}

const W = 900;
const H = 440;
const LOG_ALPHA = [0, -0.5, -1, -1.5, -2, -2.5, -3, -3.5];
/** Training time in units of t = step·η at α ≤ ½; long enough for the smallest α to interpolate (train loss ~1e-6). */
const TIME = 400;
const TOP = 50;
const BOTTOM = 350;
const PANELS = [
  { x0: 85, x1: 355, title: 'Interpolator β(α), GD' },
  { x0: 465, x1: 650, title: 'ℓ1 norm' },
  { x0: 735, x1: 880, title: 'Test error' },
];

async function compute(p: Record<string, number>, engine: EngineHost): Promise<DiagonalPathData> {
  const runs = (optimizer: 'gd' | 'sgd') => LOG_ALPHA.map((la) => {
    const alpha = 10 ** la;
    // Large α makes the tangent kernel ~4α² larger: shrink the step with it so every run is stable, and keep the
    // number of steps, which then covers the (shorter) lazy convergence time.
    const eta = p.eta / Math.max(1, 4 * alpha * alpha);
    const steps = Math.round(TIME / p.eta);
    return engine.run({ model: 'diagonal', seed: 0, n: 20, d: 40, sparsity: 3, alpha, optimizer, eta, batchSize: 1, T: steps * eta, records: 1, oracle: false });
  });
  const [gdRuns, sgdRuns] = await Promise.all([Promise.all(runs('gd')), Promise.all(runs('sgd'))]);
  const endpoint = (r: (typeof gdRuns)[number]): Endpoint => {
    if (r.diverged) throw new Error(`diagonal-path: a run diverged (${r.diverged.reason}); lower the step size`);
    return { l1: r.final.l1 as number, testLoss: (r.series.testLoss as number[]).at(-1)!, beta: r.final.beta as number[] };
  };
  const f = gdRuns[0].final;
  return {
    eta: p.eta, logAlpha: LOG_ALPHA, gd: gdRuns.map(endpoint), sgd: sgdRuns.map(endpoint),
    betaStar: f.betaStar as number[], betaMinL2: f.betaMinL2 as number[], l1MinL2: f.l1MinL2 as number,
  };
}

function draw(svgNode: SVGSVGElement, d: DiagonalPathData, progress: number): void {
  const root = plotRoot(svgNode, { eta: d.eta });
  const lo = d.logAlpha[d.logAlpha.length - 1];
  const hi = d.logAlpha[0];
  // Revealed from lazy to rich, as α shrinks.
  const shown = d.logAlpha.map((la, k) => [la, k] as const).filter(([la]) => progress >= 1 || la >= hi - progress * (hi - lo)).map(([, k]) => k);
  const xTicks = { xTicks: decadeTicks(lo, hi).reverse(), xFormat: powerOfTen };
  const axisX = (i: number) => scaleLinear().domain([hi, lo]).range([PANELS[i].x0, PANELS[i].x1]);

  // Every coordinate of the GD interpolator as α shrinks: off-support coordinates die out.
  const x1 = axisX(0);
  const all = d.gd.flatMap((e) => e.beta).concat(d.betaStar);
  const y1 = scaleLinear().domain([Math.min(...all), Math.max(...all)]).nice().range([BOTTOM, TOP]);
  const left = root.append('g');
  drawAxes(left, x1, y1, { x: 'initial scale α (log, shrinking →)', y: 'coordinate βᵢ' }, xTicks);
  const support = d.betaStar.map((b, i) => [b, i] as const).filter(([b]) => b !== 0).map(([, i]) => i);
  d.betaStar.forEach((b, i) => {
    const k = support.indexOf(i);
    const colour = k >= 0 ? palette[k % palette.length] : muted;
    const path = line<number>().x((j) => x1(d.logAlpha[j])).y((j) => y1(d.gd[j].beta[i])).digits(2);
    left.append('path').attr('d', path(shown) ?? '').attr('fill', 'none').attr('stroke', colour).attr('stroke-width', k >= 0 ? 3 : 1).attr('opacity', k >= 0 ? 1 : 0.6);
    if (k >= 0 && support.findIndex((j) => d.betaStar[j] === b) === k) left.append('text').attr('x', x1(lo) + 6).attr('y', y1(b) + 5).attr('font-size', 14).attr('fill', colour).text(`β*=${b}`);
  });

  const panel = (i: number, get: (e: Endpoint) => number, logY: boolean, ylabel: string, refs: { value: number; label: string }[]) => {
    const g = root.append('g');
    const x = axisX(i);
    const tr = (v: number) => (logY ? Math.log10(v) : v);
    const values = [...d.gd, ...d.sgd].map(get).map(tr).concat(refs.map((r) => tr(r.value)));
    const yLo = logY ? Math.floor(Math.min(...values)) : Math.floor(Math.min(...values) - 0.3);
    const yHi = logY ? Math.ceil(Math.max(...values)) : Math.ceil(Math.max(...values) + 0.3);
    const y = scaleLinear().domain([yLo, yHi]).range([BOTTOM, TOP]);
    const narrow = PANELS[i].x1 - PANELS[i].x0 < 170;
    drawAxes(g, x, y, { x: 'α (log, shrinking →)', y: ylabel }, { ...xTicks, ...(narrow ? { xTicks: xTicks.xTicks.filter((t) => t % 2 === 0) } : {}), ...(logY ? { yTicks: decadeTicks(yLo, yHi).filter((_, k, a) => a.length < 7 || k % 2 === 0), yFormat: powerOfTen } : { yTicks: y.ticks(5) }) });
    for (const r of refs) {
      g.append('line').attr('x1', x(hi)).attr('x2', x(lo)).attr('y1', y(tr(r.value))).attr('y2', y(tr(r.value))).attr('stroke', muted).attr('stroke-dasharray', '3 5');
      g.append('text').attr('x', x(lo)).attr('y', y(tr(r.value)) - 6).attr('text-anchor', 'end').attr('font-size', 14).attr('fill', muted).text(r.label);
    }
    [['GD', d.gd, palette[0], ''], ['SGD', d.sgd, palette[1], '6 4']].forEach(([name, runs, colour, dash]) => {
      const path = line<number>().x((j) => x(d.logAlpha[j])).y((j) => y(tr(get((runs as Endpoint[])[j])))).digits(2);
      g.append('path').attr('d', path(shown) ?? '').attr('fill', 'none').attr('stroke', colour as string).attr('stroke-width', 2.5).attr('stroke-dasharray', dash as string);
      const last = shown[shown.length - 1];
      if (last !== undefined && name === 'SGD') g.append('text').attr('x', x(d.logAlpha[0]) + 4).attr('y', TOP + 16).attr('font-size', 14).attr('fill', palette[1]).text('- - SGD');
      if (last !== undefined && name === 'GD') g.append('text').attr('x', x(d.logAlpha[0]) + 4).attr('y', TOP + 32).attr('font-size', 14).attr('fill', palette[0]).text('—— GD');
    });
  };
  panel(1, (e) => e.l1, false, '‖β‖₁', [{ value: d.l1MinL2, label: 'min-ℓ2' }, { value: d.betaStar.reduce((a, b) => a + Math.abs(b), 0), label: '‖β*‖₁' }]);
  panel(2, (e) => e.testLoss, true, '½‖β − β*‖²', []);

  drawPanelTitles(root, PANELS, 18);
  root.append('text').attr('x', PANELS[0].x0).attr('y', H - 4).attr('font-size', 14).attr('fill', muted)
    .text(`P = 20 samples, d = 40, 3-sparse truth; step size η = ${d.eta} (scaled down for α > ½)`);
}

function describe(d: DiagonalPathData): string {
  const at = (k: number) => `α = ${powerOfTen(d.logAlpha[k])}`;
  const last = d.logAlpha.length - 1;
  const mid = d.logAlpha.indexOf(-1);
  return `Diagonal linear network β = w₊⊙w₊ − w₋⊙w₋ trained to interpolation on a sparse regression (20 samples, 40 features, 3 non-zero true coefficients) from w₊ = w₋ = α, simulated by the course engine for ${d.logAlpha.length} values of α. ` +
    `At ${at(0)} gradient descent lands near the minimum-ℓ2 interpolator (ℓ1 norm ${d.gd[0].l1.toFixed(2)}; the min-ℓ2 interpolator has ${d.l1MinL2.toFixed(2)}), with every coordinate non-zero; as α shrinks the off-support coordinates die out and at ${at(last)} the ℓ1 norm is ${d.gd[last].l1.toFixed(3)}, the sparse truth's being ${d.betaStar.reduce((a, b) => a + Math.abs(b), 0).toFixed(0)}. ` +
    `Test error falls from ${d.gd[0].testLoss.toExponential(1)} to ${d.gd[last].testLoss.toExponential(1)}. With the same step size η = ${d.eta}, SGD with one sample per step ${d.sgd[mid].l1 < d.gd[mid].l1 ? 'ends sparser than' : 'does not end sparser than'} GD at the same α: at ${at(mid)} its ℓ1 norm is ${d.sgd[mid].l1.toFixed(2)} against ${d.gd[mid].l1.toFixed(2)}, and its test error ${d.sgd[mid].testLoss.toExponential(1)} against ${d.gd[mid].testLoss.toExponential(1)}.`;
}

/** Woodworth et al. (2020): initial scale moves the interpolator from min-ℓ2 to min-ℓ1; Pesme et al. (2021): SGD helps. */
export const diagonalPath: FigureSpec<DiagonalPathData> = {
  name: 'diagonal-path',
  title: 'The interpolator a diagonal linear network reaches, from large to small initial scale, under GD and SGD',
  width: W,
  height: H,
  controls: [
    { name: 'eta', label: 'step size η', min: 0.01, max: 0.03, step: 0.005, value: 0.03, format: (v) => v.toFixed(3) },
  ],
  compute,
  draw,
  describe,
};

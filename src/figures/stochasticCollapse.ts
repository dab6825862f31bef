import { scaleLinear } from 'd3';
import type { EngineHost, FigureSpec } from './FigureSpec.ts';
import { drawAxes } from './axes.ts';
import { areaOf, clippedPath, finiteExtent, type Point } from './clip.ts';
import { palette, ink, muted } from './palette.ts';
import { plotRoot, drawPanelTitles, haloText } from './plotFrame.ts';

export interface StochasticCollapseData {
  /** Curvature κ = 𝓛''(0) of the double well ¼θ⁴ + ½κθ² (the engine's μ is −κ). */
  kappa: number;
  zeta: number;
  seed: number;
  paths: number;
  steps: number;
  T: number;
  t: number[];
  /** Fraction of paths with |θ| below the collapse threshold, and the mean of ln|θ| over paths. */
  collapsed: number[];
  meanLog: number[];
  /** Itô drift of ln|θ| at θ → 0: −(κ + ζ²/2). */
  itoSlope: number;
  /** Slope of the mean of ln|θ| over the second half of the run, from the engine's records. */
  lateSlope: number;
  diverged: null | { step: number; reason: string };
}

const W = 900;
const H = 440;
const TOP = 50;
const BOTTOM = 340;
// The run the reading quotes: the engine's defaults for `quartic-sde`, fixed so every slider position is cheap (≈ 0.3 s in Node).
const KAPPA = -1.5;
const T = 25;
const STEPS = 20_000;
const PATHS = 400;
const SEED = 0;
const THRESHOLD = 1e-3;
const PANELS = [
  { x0: 90, x1: 410, title: 'Collapsed paths' },
  { x0: 540, x1: 860, title: 'Mean of ln|θ|' },
];

/** A percentage without trailing zeros: 87.25, 6.75, 100, 0. */
const pct = (f: number) => String(Number((100 * f).toFixed(2)));
const signed = (v: number, d = 2) => v.toFixed(d).replace('-', '−');

async function compute(p: Record<string, number>, engine: EngineHost): Promise<StochasticCollapseData> {
  const run = await engine.run({
    model: 'quartic-sde', seed: SEED, mu: -KAPPA, zeta: p.zeta, T, steps: STEPS, paths: PATHS,
    theta0Std: 2, records: 100, collapseThreshold: THRESHOLD,
  });
  const s = run.series as Record<string, number[]>;
  const n = run.t.length;
  const half = run.t.findIndex((t) => t >= T / 2);
  const lateSlope = (s.meanLogAbsTheta[n - 1] - s.meanLogAbsTheta[half]) / (run.t[n - 1] - run.t[half]);
  return {
    kappa: KAPPA, zeta: p.zeta, seed: SEED, paths: PATHS, steps: STEPS, T,
    t: run.t, collapsed: s.collapsedFraction, meanLog: s.meanLogAbsTheta,
    itoSlope: -(KAPPA + (p.zeta * p.zeta) / 2), lateSlope, diverged: run.diverged,
  };
}

/** Index of the last record drawn at `progress` (the time axis is revealed from t = 0). */
function lastShown(d: StochasticCollapseData, progress: number): number {
  const tCut = progress * d.T + 1e-9;
  let k = 0;
  while (k + 1 < d.t.length && d.t[k + 1] <= tCut) k++;
  return k;
}

function draw(svgNode: SVGSVGElement, d: StochasticCollapseData, progress: number): void {
  const root = plotRoot(svgNode, { zeta: d.zeta });
  drawPanelTitles(root, PANELS, 18);
  const last = lastShown(d, progress);
  const idx = d.t.slice(0, last + 1).map((_, k) => k);
  const x = PANELS.map((pn) => scaleLinear().domain([0, d.T]).range([pn.x0, pn.x1]));

  // Left: the collapsed fraction.
  const y0 = scaleLinear().domain([0, 1]).range([BOTTOM, TOP]);
  const g0 = root.append('g');
  drawAxes(g0, x[0], y0, { x: 'time t', y: 'fraction with |θ| < 10⁻³' });
  const a0 = areaOf(x[0], y0);
  g0.append('path').attr('d', clippedPath(idx.map((k): Point => [x[0](d.t[k]), y0(d.collapsed[k])]), a0)).attr('fill', 'none').attr('stroke', palette[0]).attr('stroke-width', 2.5);
  haloText(g0, `${pct(d.collapsed[last])} % at t = ${Number(d.t[last].toFixed(2))}`, PANELS[0].x0 + 10, TOP + 18, { colour: palette[0], size: 14 });

  // Right: the mean of ln|θ| and the Itô line through its start. The drift of ln|θ| is −(κ + ζ²/2) − θ², so the
  // line bounds the mean from above and is its slope once the paths are near 0; the axis keeps the line's fall
  // in view and lets a rising line leave the top.
  const line = (t: number) => d.meanLog[0] + d.itoSlope * t;
  const [dataLo, dataHi] = finiteExtent(d.meanLog, [-1, 1]);
  const lo = Math.min(dataLo, line(d.T));
  const pad = Math.max(0.5, 0.08 * (dataHi - lo));
  const y1 = scaleLinear().domain([lo - pad, dataHi + pad]).nice(5).range([BOTTOM, TOP]);
  const g1 = root.append('g');
  drawAxes(g1, x[1], y1, { x: 'time t', y: 'mean of ln|θ| over paths' });
  const a1 = areaOf(x[1], y1);
  const lineTo = Math.min(d.T, d.t[last]);
  // drawAxes clamps y1; a rising line must leave through the top at its true slope, so it is placed with an
  // unclamped copy and cut at the frame by clippedPath.
  const yFree = y1.copy().clamp(false);
  g1.append('path').attr('d', clippedPath([[x[1](0), yFree(line(0))], [x[1](lineTo), yFree(line(lineTo))]], a1)).attr('fill', 'none').attr('stroke', muted).attr('stroke-width', 2).attr('stroke-dasharray', '7 4');
  g1.append('path').attr('d', clippedPath(idx.map((k): Point => [x[1](d.t[k]), y1(d.meanLog[k])]), a1)).attr('fill', 'none').attr('stroke', palette[1]).attr('stroke-width', 2.5);
  const labelY = d.itoSlope < 0 ? TOP + 18 : BOTTOM - 30;
  haloText(g1, `mean of ln|θ| (${d.paths} paths)`, PANELS[1].x1 - 8, labelY, { colour: palette[1], size: 14, anchor: 'end' });
  haloText(g1, `dashed: Itô slope −(κ + ζ²/2) = ${signed(d.itoSlope)}`, PANELS[1].x1 - 8, labelY + 18, { colour: muted, size: 14, anchor: 'end' });
  if (d.diverged) haloText(g1, `diverged at step ${d.diverged.step}`, (PANELS[1].x0 + PANELS[1].x1) / 2, (TOP + BOTTOM) / 2, { colour: palette[1], size: 14, anchor: 'middle' });

  const side = d.zeta * d.zeta > -2 * d.kappa ? '> 3: the origin attracts' : d.zeta * d.zeta < -2 * d.kappa ? '< 3: no collapse' : '= 3: the threshold';
  root.append('text').attr('x', W / 2).attr('y', H - 12).attr('text-anchor', 'middle').attr('font-size', 15).attr('fill', ink)
    .text(`κ = ${signed(d.kappa, 1)}, ζ = ${d.zeta.toFixed(2)}, ζ² = ${(d.zeta * d.zeta).toFixed(2)} ${side} (threshold ζ = √3 ≈ 1.73); seed ${d.seed}`);
}

function describe(d: StochasticCollapseData, progress = 1): string {
  const last = lastShown(d, progress);
  const tNow = Number(d.t[last].toFixed(2));
  const regime = d.zeta * d.zeta > -2 * d.kappa
    ? `ζ² = ${(d.zeta * d.zeta).toFixed(2)} is above −2κ = 3, so the origin attracts although it is a maximum of the loss.`
    : `ζ² = ${(d.zeta * d.zeta).toFixed(2)} is not above −2κ = 3, so the origin does not attract and paths that come near it leave again.`;
  const late = progress >= 1
    ? ` Over the second half of the run the mean of ln|θ| changes at ${signed(d.lateSlope)} per unit time.`
    : '';
  return `Double well 𝓛(θ) = ¼θ⁴ + ½κθ² with κ = ${signed(d.kappa, 1)} and multiplicative noise ζθ dB with ζ = ${d.zeta.toFixed(2)}: `
    + `engine model quartic-sde, ${d.paths} paths from θ₀ ~ N(0, 2²), Euler–Maruyama with ${d.steps.toLocaleString('en-US').replace(/,/g, ' ')} steps up to t = ${d.T}, seed ${d.seed}. `
    + `The collapse threshold is ζ = √3 ≈ 1.73; ${regime} `
    + `At t = ${tNow}, ${pct(d.collapsed[last])} % of the paths have |θ| below 10⁻³ (left panel). `
    + `The right panel draws the mean of ln|θ| over the paths against the Itô slope −(κ + ζ²/2) = ${signed(d.itoSlope)} per unit time, dashed through its start; `
    + `the drift of ln|θ| is −(κ + ζ²/2) − θ², so the mean stays below that line and follows its slope once the paths are near 0.${late}`;
}

export const stochasticCollapse: FigureSpec<StochasticCollapseData> = {
  name: 'stochastic-collapse',
  title: 'Stochastic collapse in a double well: collapsed fraction and mean ln|θ| against the Itô slope',
  width: W,
  height: H,
  controls: [
    { name: 'zeta', label: 'noise ζ', min: 0.5, max: 3, step: 0.25, value: 2, format: (v) => v.toFixed(2) },
  ],
  compute,
  draw,
  describe,
};

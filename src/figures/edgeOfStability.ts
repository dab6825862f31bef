import { scaleLinear } from 'd3';
import type { EngineHost, FigureSpec } from './FigureSpec.ts';
import { drawAxes, decadeTicks } from './axes.ts';
import { palette, ink, muted } from './palette.ts';
import { powerOfTen, px } from './format.ts';
import { plotRoot, drawPanelTitles, haloText, drawDiverged } from './plotFrame.ts';
import { type Area, type Point, clippedPath, finiteExtent, finiteOr, inArea } from './clip.ts';

export interface EdgeOfStabilityData {
  eta: number;
  /** GD on the tanh MLP (engine `eos-mlp`): step of each record, sharpness and loss. */
  mlp: { step: number[]; sharpness: number[]; loss: number[]; initialSharpness: number; maxSharpness: number; lateMeanSharpness: number; diverged: null | { step: number; reason: string } };
  /** GD on ¼(1 − x²y²)² (engine `eos-xy`) from (x0, Y0). */
  xy: { x: number[]; y: number[]; sharpness: number[]; x0: number; y0: number; diverged: null | { step: number; reason: string } };
  /** Sharpness where gradient flow from the same start would land (the engine's closed form: x² − y² is conserved). */
  flowLandingSharpness: number;
}

const W = 900;
const H = 440;
/** One unit of GD "time" η·steps for every η, so the panels compare like with like. */
const TIME = 800;
const Y0 = 0.15;
/** Long enough for the toy to settle on the valley for every η on the slider. */
const TOY_TIME = 150;
const TOP = 50;
const BOTTOM = 350;
const PANELS = [
  { x0: 75, x1: 290, title: 'MLP: sharpness' },
  { x0: 375, x1: 590, title: 'MLP: training loss' },
  { x0: 665, x1: 880, title: 'Toy ¼(1 − w₁²w₂²)²' },
];

async function compute(p: Record<string, number>, engine: EngineHost): Promise<EdgeOfStabilityData> {
  const steps = Math.round(TIME / p.eta);
  const [mlpRun, xyRun] = await Promise.all([
    engine.run({ model: 'eos-mlp', seed: 0, eta: p.eta, steps, recordEvery: Math.max(1, Math.round(steps / 320)) }),
    engine.run({ model: 'eos-xy', eta: p.eta, x0: p.x0, y0: Y0, steps: Math.round(TOY_TIME / p.eta), recordEvery: 1 }),
  ]);
  const f = mlpRun.final as Record<string, number>;
  return {
    eta: p.eta,
    mlp: {
      step: mlpRun.t, sharpness: mlpRun.series.sharpness as number[], loss: mlpRun.series.loss as number[],
      initialSharpness: f.initialSharpness, maxSharpness: f.maxSharpness, lateMeanSharpness: f.lateMeanSharpness, diverged: mlpRun.diverged,
    },
    xy: { x: xyRun.series.x as number[], y: xyRun.series.y as number[], sharpness: xyRun.series.sharpness as number[], x0: p.x0, y0: Y0, diverged: xyRun.diverged },
    flowLandingSharpness: xyRun.final.gradientFlowSharpness as number,
  };
}

function draw(svgNode: SVGSVGElement, d: EdgeOfStabilityData, progress: number): void {
  const root = plotRoot(svgNode, { eta: d.eta, x0: d.xy.x0 });
  const n = d.mlp.step.length;
  const cut = Math.max(1, Math.round(progress * (n - 1)));
  const lastStep = Math.max(1, d.mlp.step[n - 1] ?? 1);
  const twoOverEta = 2 / d.eta;
  const areaOfPanel = (k: number): Area => ({ x0: PANELS[k].x0, x1: PANELS[k].x1, y0: TOP, y1: BOTTOM });

  // Sharpness against the stability threshold 2/η: it climbs, then stops at the line instead of crossing it.
  const x1 = scaleLinear().domain([0, lastStep]).range([PANELS[0].x0, PANELS[0].x1]);
  const y1 = scaleLinear().domain([0, Math.max(twoOverEta, finiteOr(d.mlp.maxSharpness, 0)) * 1.12]).nice().range([BOTTOM, TOP]);
  const left = root.append('g');
  drawAxes(left, x1.copy(), y1.copy(), { x: 'GD step', y: 'top Hessian eigenvalue' }, { xTicks: x1.ticks(3) });
  left.append('line').attr('x1', x1(0)).attr('x2', x1(lastStep)).attr('y1', px(y1(twoOverEta))).attr('y2', px(y1(twoOverEta)))
    .attr('stroke', palette[1]).attr('stroke-width', 2).attr('stroke-dasharray', '7 5');
  const sharpPts = d.mlp.sharpness.slice(0, cut + 1).map((v, k) => [x1(d.mlp.step[k]), y1(v)] as Point);
  left.append('path').attr('d', clippedPath(sharpPts, areaOfPanel(0))).attr('fill', 'none').attr('stroke', palette[0]).attr('stroke-width', 2.5);
  // A key in the panel's top-left corner, above every curve (the axis has 12% headroom over both).
  left.append('line').attr('x1', PANELS[0].x0 + 8).attr('x2', PANELS[0].x0 + 34).attr('y1', TOP + 12).attr('y2', TOP + 12)
    .attr('stroke', palette[1]).attr('stroke-width', 2).attr('stroke-dasharray', '7 5');
  haloText(left, `2/η = ${twoOverEta.toFixed(1)}`, PANELS[0].x0 + 40, TOP + 17, { colour: palette[1], size: 16 });

  // Loss on a log axis: it keeps falling overall while spiking at the edge.
  const logLoss = d.mlp.loss.map((v) => Math.log10(Math.max(v, 1e-12)));
  const [lo0, hi0] = finiteExtent(logLoss, [-3, 0]);
  const lo = Math.floor(lo0);
  const hi = Math.max(lo + 1, Math.ceil(hi0));
  const x2 = scaleLinear().domain([0, lastStep]).range([PANELS[1].x0, PANELS[1].x1]);
  const y2 = scaleLinear().domain([lo, hi]).range([BOTTOM, TOP]);
  const mid = root.append('g');
  drawAxes(mid, x2.copy(), y2.copy(), { x: 'GD step', y: 'loss (log scale)' }, { xTicks: x2.ticks(3), yTicks: decadeTicks(lo, hi), yFormat: powerOfTen });
  const lossPts = logLoss.slice(0, cut + 1).map((v, k) => [x2(d.mlp.step[k]), y2(v)] as Point);
  mid.append('path').attr('d', clippedPath(lossPts, areaOfPanel(1))).attr('fill', 'none').attr('stroke', ink).attr('stroke-width', 2);
  if (d.mlp.diverged && progress >= 1) {
    drawDiverged(left, areaOfPanel(0), sharpPts.at(-1) ?? null, d.mlp.diverged.step, palette[1]);
    drawDiverged(mid, areaOfPanel(1), lossPts.at(-1) ?? null, d.mlp.diverged.step, palette[1]);
  }

  // The xy toy in its own plane, zoomed onto the path: GD hops between the valleys xy = 1 and xy = −1 and
  // slides along them to the points where the valley's sharpness 2(x² + y²) equals 2/η. The axes cover the
  // start, those points and the path while it stays near them; a diverging path is cut at the frame.
  const r2 = 1 / d.eta;
  const xe = Math.sqrt((r2 + Math.sqrt(Math.max(0, r2 * r2 - 4))) / 2);
  const reach = 2 * Math.max(d.xy.x0, xe);
  const near = d.xy.x.map((x, k) => [x, d.xy.y[k]] as const)
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!d.xy.diverged || (Math.abs(x) <= reach && Math.abs(y) <= 2)));
  const xs = [d.xy.x0, xe, ...near.map((q) => q[0])];
  const xMin = Math.max(0, Math.min(...xs) - 0.2);
  const xMax = Math.max(...xs) + 0.2;
  const yMax = 1.25 * Math.max(Math.abs(d.xy.y0), 1 / xe, ...near.map((q) => Math.abs(q[1])), 1 / xMax);
  const x3 = scaleLinear().domain([xMin, xMax]).range([PANELS[2].x0, PANELS[2].x1]);
  const y3 = scaleLinear().domain([-yMax, yMax]).range([BOTTOM, TOP]);
  const toy = areaOfPanel(2);
  const right = root.append('g');
  drawAxes(right, x3.copy(), y3.copy(), { x: 'w₁', y: 'w₂' }, { xTicks: x3.ticks(4), yTicks: y3.ticks(4) });
  right.append('line').attr('x1', x3(xMin)).attr('x2', x3(xMax)).attr('y1', y3(0)).attr('y2', y3(0)).attr('stroke', muted).attr('stroke-width', 0.6);
  const xv = Array.from({ length: 80 }, (_, k) => Math.max(xMin, 0.05) + ((xMax - Math.max(xMin, 0.05)) * k) / 79);
  for (const sgn of [1, -1]) {
    right.append('path').attr('d', clippedPath(xv.map((x) => [x3(x), y3(sgn / x)] as Point), toy)).attr('fill', 'none').attr('stroke', muted).attr('stroke-width', 2).attr('stroke-dasharray', '4 4');
  }
  // Valley points whose sharpness is exactly 2/η: w₁² + w₂² = 1/η on w₁w₂ = ±1.
  for (const sgn of [1, -1]) {
    right.append('circle').attr('cx', px(x3(xe))).attr('cy', px(y3(sgn / xe))).attr('r', 8).attr('fill', 'none').attr('stroke', palette[1]).attr('stroke-width', 2.5);
  }
  const m = d.xy.x.length;
  const shown = Math.max(1, Math.round(progress * (m - 1)));
  const pts = d.xy.x.slice(0, shown + 1).map((x, k) => [x3(x), y3(d.xy.y[k])] as Point);
  right.append('path').attr('d', clippedPath(pts, toy, 1)).attr('fill', 'none').attr('stroke', palette[0]).attr('stroke-width', 1).attr('opacity', 0.7);
  right.append('circle').attr('cx', px(x3(d.xy.x0))).attr('cy', px(y3(d.xy.y0))).attr('r', 5).attr('fill', palette[0]);
  const end = pts[pts.length - 1];
  if (end && !d.xy.diverged && inArea(end, toy)) right.append('circle').attr('cx', px(end[0])).attr('cy', px(end[1])).attr('r', 4.5).attr('fill', ink);
  haloText(right, '○ valley sharpness = 2/η', PANELS[2].x1 - 4, BOTTOM - 10, { colour: palette[1], anchor: 'end' });
  if (d.xy.diverged && progress >= 1) drawDiverged(right, toy, end ?? null, d.xy.diverged.step, palette[1]);

  drawPanelTitles(root, PANELS);
}

function describe(d: EdgeOfStabilityData): string {
  const m = d.mlp;
  const two = 2 / d.eta;
  const xyFinal = d.xy.sharpness.at(-1) ?? NaN;
  const xyText = d.xy.diverged
    ? `On ¼(1 − w₁²w₂²)² from (${d.xy.x0}, ${d.xy.y0}), GD with η = ${d.eta} diverges at step ${d.xy.diverged.step}: the start is too sharp for this step size.`
    : d.flowLandingSharpness > two
      ? `On ¼(1 − w₁²w₂²)² from (${d.xy.x0}, ${d.xy.y0}), gradient flow would land on the valley w₁w₂ = 1 at sharpness ${d.flowLandingSharpness.toFixed(2)}, above 2/η; GD instead oscillates across the valley and slides along it to sharpness ${xyFinal.toFixed(2)}, just below 2/η = ${two.toFixed(2)}.`
      : `On ¼(1 − w₁²w₂²)² from (${d.xy.x0}, ${d.xy.y0}), gradient flow would land at sharpness ${d.flowLandingSharpness.toFixed(2)}, already below 2/η = ${two.toFixed(2)}, and GD lands there too (${xyFinal.toFixed(2)}): no edge of stability.`;
  return `Full-batch GD with η = ${d.eta} on a 1→30→20→1 tanh network fitting a Chebyshev polynomial, simulated by the course engine. ` +
    `The sharpness (top Hessian eigenvalue) starts at ${m.initialSharpness.toFixed(2)}, rises to at most ${m.maxSharpness.toFixed(2)}, and over the last quarter of training averages ${m.lateMeanSharpness.toFixed(2)}, against 2/η = ${two.toFixed(2)}. ` +
    `The loss falls from ${m.loss[0].toExponential(1)} to ${m.loss.at(-1)!.toExponential(1)}, not monotonically. ${xyText}`;
}

/** Cohen et al. (2021) progressive sharpening and the edge of stability; the two-parameter toy of Zhu et al. (2023). */
export const edgeOfStability: FigureSpec<EdgeOfStabilityData> = {
  name: 'edge-of-stability',
  title: 'Sharpness against 2/η for gradient descent on a small network and on a two-parameter toy',
  width: W,
  height: H,
  controls: [
    { name: 'eta', label: 'learning rate η', min: 0.1, max: 0.2, step: 0.025, value: 0.1, format: (v) => v.toFixed(3) },
    { name: 'x0', label: 'toy start w₁ (w₂ = 0.15)', min: 2, max: 4, step: 0.25, value: 3.5, format: (v) => v.toFixed(2) },
  ],
  compute,
  draw,
  describe,
};

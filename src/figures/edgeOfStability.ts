import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { EngineHost, FigureSpec } from './FigureSpec.ts';
import { drawAxes, decadeTicks } from './axes.ts';
import { palette, ink, muted } from './palette.ts';
import { powerOfTen } from './format.ts';
import { plotRoot, drawPanelTitles } from './plotFrame.ts';

export interface EdgeOfStabilityData {
  eta: number;
  /** GD on the tanh MLP (engine `eos-mlp`): step of each record, sharpness and loss. */
  mlp: { step: number[]; sharpness: number[]; loss: number[]; initialSharpness: number; maxSharpness: number; lateMeanSharpness: number };
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
      initialSharpness: f.initialSharpness, maxSharpness: f.maxSharpness, lateMeanSharpness: f.lateMeanSharpness,
    },
    xy: { x: xyRun.series.x as number[], y: xyRun.series.y as number[], sharpness: xyRun.series.sharpness as number[], x0: p.x0, y0: Y0, diverged: xyRun.diverged },
    flowLandingSharpness: xyRun.final.gradientFlowSharpness as number,
  };
}

function draw(svgNode: SVGSVGElement, d: EdgeOfStabilityData, progress: number): void {
  const root = plotRoot(svgNode);
  const n = d.mlp.step.length;
  const cut = Math.max(1, Math.round(progress * (n - 1)));
  const lastStep = d.mlp.step[n - 1];
  const twoOverEta = 2 / d.eta;

  // Sharpness against the stability threshold 2/η: it climbs, then stops at the line instead of crossing it.
  const x1 = scaleLinear().domain([0, lastStep]).range([PANELS[0].x0, PANELS[0].x1]);
  const y1 = scaleLinear().domain([0, Math.max(twoOverEta, d.mlp.maxSharpness) * 1.12]).nice().range([BOTTOM, TOP]);
  const left = root.append('g');
  drawAxes(left, x1, y1, { x: 'GD step', y: 'top Hessian eigenvalue' }, { xTicks: x1.ticks(3) });
  left.append('line').attr('x1', x1(0)).attr('x2', x1(lastStep)).attr('y1', y1(twoOverEta)).attr('y2', y1(twoOverEta))
    .attr('stroke', palette[1]).attr('stroke-width', 2).attr('stroke-dasharray', '7 5');
  left.append('text').attr('x', PANELS[0].x0 + 8).attr('y', y1(twoOverEta) - 8).attr('font-size', 16).attr('fill', palette[1]).text(`2/η = ${twoOverEta.toFixed(1)}`);
  const sharpPath = line<number>().x((_, k) => x1(d.mlp.step[k])).y((v) => y1(v)).digits(2);
  left.append('path').attr('d', sharpPath(d.mlp.sharpness.slice(0, cut + 1)) ?? '').attr('fill', 'none').attr('stroke', palette[0]).attr('stroke-width', 2.5);

  // Loss on a log axis: it keeps falling overall while spiking at the edge.
  const logLoss = d.mlp.loss.map((v) => Math.log10(Math.max(v, 1e-12)));
  const lo = Math.floor(Math.min(...logLoss));
  const hi = Math.ceil(Math.max(...logLoss));
  const x2 = scaleLinear().domain([0, lastStep]).range([PANELS[1].x0, PANELS[1].x1]);
  const y2 = scaleLinear().domain([lo, hi]).range([BOTTOM, TOP]);
  const mid = root.append('g');
  drawAxes(mid, x2, y2, { x: 'GD step', y: 'loss (log scale)' }, { xTicks: x2.ticks(3), yTicks: decadeTicks(lo, hi), yFormat: powerOfTen });
  const lossPath = line<number>().x((_, k) => x2(d.mlp.step[k])).y((v) => y2(v)).digits(2);
  mid.append('path').attr('d', lossPath(logLoss.slice(0, cut + 1)) ?? '').attr('fill', 'none').attr('stroke', ink).attr('stroke-width', 2);

  // The xy toy in its own plane, zoomed onto the path: GD hops between the valleys xy = 1 and xy = −1 and
  // slides along them to the points where the valley's sharpness 2(x² + y²) equals 2/η.
  const xsPath = d.xy.x;
  const xMin = Math.max(0, Math.min(...xsPath) - 0.2);
  const xMax = Math.max(...xsPath) + 0.2;
  const yMax = 1.25 * Math.max(...d.xy.y.map(Math.abs), 1 / xMax);
  const x3 = scaleLinear().domain([xMin, xMax]).range([PANELS[2].x0, PANELS[2].x1]);
  const y3 = scaleLinear().domain([-yMax, yMax]).range([BOTTOM, TOP]);
  const right = root.append('g');
  drawAxes(right, x3, y3, { x: 'w₁', y: 'w₂' }, { xTicks: x3.ticks(4), yTicks: y3.ticks(4) });
  right.append('line').attr('x1', x3(xMin)).attr('x2', x3(xMax)).attr('y1', y3(0)).attr('y2', y3(0)).attr('stroke', muted).attr('stroke-width', 0.6);
  const xs = Array.from({ length: 60 }, (_, k) => Math.max(xMin, 1 / yMax) + ((xMax - Math.max(xMin, 1 / yMax)) * k) / 59);
  for (const sgn of [1, -1]) {
    const valley = line<number>().x((x) => x3(x)).y((x) => y3(sgn / x)).digits(2);
    right.append('path').attr('d', valley(xs) ?? '').attr('fill', 'none').attr('stroke', muted).attr('stroke-width', 2).attr('stroke-dasharray', '4 4');
  }
  // Valley points whose sharpness is exactly 2/η: x² + y² = 1/η on xy = ±1.
  const r2 = 1 / d.eta;
  const xe = Math.sqrt((r2 + Math.sqrt(r2 * r2 - 4)) / 2);
  for (const sgn of [1, -1]) {
    right.append('circle').attr('cx', x3(xe)).attr('cy', y3(sgn / xe)).attr('r', 8).attr('fill', 'none').attr('stroke', palette[1]).attr('stroke-width', 2.5);
  }
  const m = d.xy.x.length;
  const shown = Math.max(1, Math.round(progress * (m - 1)));
  const pts = d.xy.x.slice(0, shown + 1).map((x, k) => [x, d.xy.y[k]] as const);
  const path = line<readonly [number, number]>().x((q) => x3(q[0])).y((q) => y3(q[1])).digits(1);
  right.append('path').attr('d', path(pts) ?? '').attr('fill', 'none').attr('stroke', palette[0]).attr('stroke-width', 1).attr('opacity', 0.7);
  right.append('circle').attr('cx', x3(d.xy.x0)).attr('cy', y3(d.xy.y0)).attr('r', 5).attr('fill', palette[0]);
  const end = pts[pts.length - 1];
  if (end && !d.xy.diverged) right.append('circle').attr('cx', x3(end[0])).attr('cy', y3(end[1])).attr('r', 4.5).attr('fill', ink);
  right.append('text').attr('x', PANELS[2].x1).attr('y', BOTTOM - 10).attr('text-anchor', 'end').attr('font-size', 15).attr('fill', palette[1]).text('○ valley sharpness = 2/η');
  if (d.xy.diverged) right.append('text').attr('x', (PANELS[2].x0 + PANELS[2].x1) / 2).attr('y', y3(0) - 12).attr('text-anchor', 'middle').attr('font-size', 17).attr('fill', palette[1]).text(`diverges at step ${d.xy.diverged.step}`);

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

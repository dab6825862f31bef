import { contours, scaleLinear } from 'd3';
import { scalarLoss } from '../engine/models/scalar/scalarLandscape.ts';
import { runScalarTwoLayer } from '../engine/models/scalar/runScalarTwoLayer.ts';
import type { ScalarTwoLayerScenario } from '../engine/models/scalar/scalarTwoLayer.ts';
import type { FigureSpec } from './FigureSpec.ts';
import { drawAxes, decadeTicks } from './axes.ts';
import { palette, ink, muted } from './palette.ts';
import { powerOfTen, px } from './format.ts';
import { plotRoot, drawPanelTitles, haloText, drawDiverged } from './plotFrame.ts';
import { type Area, type Point, clippedPath, clippedRingsPath, inArea, finiteExtent } from './clip.ts';

export interface ScalarLandscapeData {
  s: number;
  eta: number;
  start: [number, number];
  /** GD iterates from the engine (trimmed at the last finite record when the run diverges). */
  w1: number[];
  w2: number[];
  loss: number[];
  /** Top Hessian eigenvalue at the last recorded iterate. */
  sharpness: number;
  diverged: null | { step: number; reason: string };
  /**
   * Loss on a lattice of GRID + 2·PAD samples per side, cell (2R)/(GRID − 1), covering [−R, R]² and PAD cells
   * beyond each edge, row-major in w₂ then w₁. The contours are cut at the frame, so the margin keeps the
   * marching-squares boundary artefacts outside the plot.
   */
  grid: number[];
}

const W = 900;
const H = 470;
const R = 2.5;
const GRID = 61;
const PAD = 2;
const SIDE = GRID + 2 * PAD;
const CELL = (2 * R) / (GRID - 1);
const STEPS = 120;
/** Left panel (the landscape): viewBox x0..x1, y from y1 (top) to y0 (bottom). */
const PLOT = { x0: 70, x1: 440, y0: 410, y1: 40 };
/** Right panel (loss per step, log scale). */
const LOSS = { x0: 580, x1: 880, top: 60, bottom: 330 };
const LOSS_FLOOR = -16;
const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));
const num = (v: number) => String(Number(v.toFixed(2)));

/**
 * The scenario drawn, complete as scalarTwoLayerSchema leaves a valid one (a unit test checks this for the
 * sliders' extremes): the figure runs the engine's model directly on the page, without the worker and its
 * validator, which would be most of this page's weight for 120 steps of a two-parameter model.
 */
export function scalarLandscapeScenario(p: Record<string, number>): ScalarTwoLayerScenario {
  return { model: 'scalar-two-layer', seed: 0, s: p.s, eta: p.eta, w1: p.w1, w2: p.w2, steps: STEPS, recordEvery: 1 };
}

async function compute(p: Record<string, number>): Promise<ScalarLandscapeData> {
  const run = runScalarTwoLayer(scalarLandscapeScenario(p));
  const grid: number[] = [];
  for (let j = 0; j < SIDE; j++) for (let i = 0; i < SIDE; i++) grid.push(scalarLoss(p.s, -R + (i - PAD) * CELL, -R + (j - PAD) * CELL));
  return {
    s: p.s, eta: p.eta, start: [p.w1, p.w2],
    w1: run.series.w1 as number[], w2: run.series.w2 as number[], loss: run.series.loss as number[],
    sharpness: (run.series.sharpness as number[]).at(-1) ?? NaN, diverged: run.diverged, grid,
  };
}

/** How many GD steps are drawn at `progress` (0 = only the start). */
const stepsShown = (d: ScalarLandscapeData, progress: number) => Math.max(0, Math.min(d.w1.length - 1, Math.round(progress * (d.w1.length - 1))));

function draw(svgNode: SVGSVGElement, d: ScalarLandscapeData, progress: number): void {
  const root = plotRoot(svgNode, { s: d.s, eta: d.eta, w1: d.start[0], w2: d.start[1] });
  const x = scaleLinear().domain([-R, R]).range([PLOT.x0, PLOT.x1]);
  const y = scaleLinear().domain([-R, R]).range([PLOT.y0, PLOT.y1]);
  const area: Area = { x0: PLOT.x0, x1: PLOT.x1, y0: PLOT.y1, y1: PLOT.y0 };
  const left = root.append('g');
  // Contours of the loss, log-spaced so the flat valley and the steep walls both show. d3-contour puts sample
  // (i, j) at (i + ½, j + ½); the lattice reaches PAD cells beyond the frame and the bands are cut at it.
  const levels = [0.02, 0.08, 0.25, 0.6, 1.2, 2.5, 5, 10];
  const toPlot = ([i, j]: number[]): Point => [x(-R + (i - 0.5 - PAD) * CELL), y(-R + (j - 0.5 - PAD) * CELL)];
  for (const [k, c] of contours().size([SIDE, SIDE]).thresholds(levels)(d.grid).entries()) {
    const rings = c.coordinates.flatMap((poly) => poly.map((ring) => ring.map(toPlot)));
    left.append('path').attr('d', clippedRingsPath(rings, area)).attr('fill', '#0072B2').attr('fill-opacity', 0.05 + 0.05 * k).attr('stroke', '#9fb7cc').attr('stroke-width', 0.8);
  }
  // Axes on copies: drawAxes clamps its scales, and the curves here are cut at the frame instead of flattened onto it.
  drawAxes(left, x.copy(), y.copy(), { x: 'w₁', y: 'w₂' });
  // Conserved quantity of gradient flow: hyperbolas w₂² − w₁² = λ (thin), the one through the start (darker),
  // and the minima w₁w₂ = s (thick).
  const samples = (f: (t: number) => [number, number], t0: number, t1: number) =>
    Array.from({ length: 120 }, (_, i) => { const [a, b] = f(t0 + ((t1 - t0) * i) / 119); return [x(a), y(b)] as Point; });
  const hyperbola = (lambda: number, sign: number): Point[] => {
    const a = Math.sqrt(Math.abs(lambda));
    const tMax = Math.acosh(Math.max(1, (R * 1.1) / a));
    return samples((t) => (lambda < 0 ? [sign * a * Math.cosh(t), a * Math.sinh(t)] : [a * Math.sinh(t), sign * a * Math.cosh(t)]), -tMax, tMax);
  };
  for (const c of [-3, -1, 1, 3]) {
    for (const sign of [1, -1]) left.append('path').attr('d', clippedPath(hyperbola(c, sign), area)).attr('fill', 'none').attr('stroke', muted).attr('stroke-width', 0.9).attr('stroke-dasharray', '2 4');
  }
  const lambda0 = d.start[1] ** 2 - d.start[0] ** 2;
  if (Math.abs(lambda0) > 1e-3) {
    // The branch the start lies on: the path gradient flow would follow from it.
    const sign = lambda0 > 0 ? Math.sign(d.start[1]) : Math.sign(d.start[0]);
    left.append('path').attr('class', 'start-hyperbola').attr('d', clippedPath(hyperbola(lambda0, sign || 1), area)).attr('fill', 'none').attr('stroke', ink).attr('stroke-width', 1.4).attr('stroke-dasharray', '5 4').attr('opacity', 0.75);
  }
  for (const sign of [1, -1]) {
    left.append('path').attr('d', clippedPath(samples((t) => [sign * t, (sign * d.s) / t], d.s / (R * 1.1), R * 1.1), area)).attr('fill', 'none').attr('stroke', palette[2]).attr('stroke-width', 3);
  }
  left.append('circle').attr('cx', x(0)).attr('cy', y(0)).attr('r', 6).attr('fill', palette[1]);
  haloText(left, 'saddle (0, 0)', x(0) + 10, y(0) + 22, { colour: palette[1] });
  // Above the lower-left branch of the valley, which falls away to the right of the label.
  haloText(left, `minima w₁w₂ = ${num(d.s)}`, PLOT.x0 + 8, y(-d.s / (R - 0.1)) - 10, { colour: palette[2] });

  // The GD trajectory, revealed with progress, cut at the frame; a diverged run ends at a cross.
  const n = stepsShown(d, progress);
  const pts = d.w1.slice(0, n + 1).map((w, k) => [x(w), y(d.w2[k])] as Point);
  if (n > 0) {
    left.append('path').attr('class', 'trajectory').attr('d', clippedPath(pts, area)).attr('fill', 'none').attr('stroke', ink).attr('stroke-width', 1.6);
    for (const p of pts.slice(1)) if (inArea(p, area)) left.append('circle').attr('cx', px(p[0])).attr('cy', px(p[1])).attr('r', 2.4).attr('fill', ink);
  }
  left.append('circle').attr('cx', x(d.start[0])).attr('cy', y(d.start[1])).attr('r', 7).attr('fill', 'none').attr('stroke', ink).attr('stroke-width', 2.5);
  const finished = n === d.w1.length - 1 && progress >= 1;
  if (d.diverged && finished) drawDiverged(left, area, pts.at(-1) ?? null, d.diverged.step, palette[1]);

  // Right: loss per step on a log axis; the text under it follows the trajectory step by step.
  const xr = scaleLinear().domain([0, STEPS]).range([LOSS.x0, LOSS.x1]);
  const logLoss = d.loss.map((v) => (v > 0 ? Math.log10(v) : -Infinity));
  const top = Math.min(6, Math.max(1, Math.ceil(finiteExtent(logLoss, [0, 1])[1])));
  const yr = scaleLinear().domain([LOSS_FLOOR, top]).range([LOSS.bottom, LOSS.top]);
  const right = root.append('g');
  drawAxes(right, xr.copy(), yr.copy(), { x: 'GD step', y: 'loss' }, { xTicks: [0, 40, 80, 120], yTicks: decadeTicks(LOSS_FLOOR, top).filter((e) => e % 4 === 0), yFormat: (e) => (e === 0 ? '1' : powerOfTen(e)) });
  const lossArea: Area = { x0: LOSS.x0, x1: LOSS.x1, y0: LOSS.top, y1: LOSS.bottom };
  const lossPts = logLoss.slice(0, n + 1).map((v, k) => [xr(k), v === -Infinity ? LOSS.bottom + 1e3 : yr(v)] as Point);
  right.append('path').attr('d', clippedPath(lossPts, lossArea)).attr('fill', 'none').attr('stroke', palette[0]).attr('stroke-width', 2.5);
  const now = lossPts[n];
  if (now && inArea(now, lossArea)) right.append('circle').attr('cx', px(now[0])).attr('cy', px(now[1])).attr('r', 4.5).attr('fill', palette[0]);
  if (d.diverged && finished) drawDiverged(right, lossArea, now ?? null, d.diverged.step, palette[1]);
  drawPanelTitles(root, [{ x0: LOSS.x0, x1: LOSS.x1, title: 'loss ½(s − w₁w₂)², log scale' }], 18);
  const [line1, line2] = status(d, n, finished);
  const tx = (LOSS.x0 + LOSS.x1) / 2;
  right.append('text').attr('x', tx).attr('y', 414).attr('text-anchor', 'middle').attr('font-size', 16).attr('fill', d.diverged && finished ? palette[1] : ink).text(line1);
  right.append('text').attr('x', tx).attr('y', 436).attr('text-anchor', 'middle').attr('font-size', 16).attr('fill', d.diverged && finished ? palette[1] : ink).text(line2);
}

/** Two lines under the loss panel: the step shown and its loss, then (at the end) the stability verdict. */
function status(d: ScalarLandscapeData, n: number, finished: boolean): [string, string] {
  if (n === 0) return [`start (${num(d.start[0])}, ${num(d.start[1])}): loss ${d.loss[0].toPrecision(3)}`, `learning rate η = ${num(d.eta)}`];
  if (!finished) return [`step ${n}: loss ${d.loss[n].toExponential(1)}`, `learning rate η = ${num(d.eta)}`];
  if (d.diverged) return [`η = ${num(d.eta)}: diverged at step ${d.diverged.step}`, 'the iterates left the landscape'];
  const twoOverEta = 2 / d.eta;
  const stable = d.sharpness < twoOverEta;
  return [`step ${d.w1.length - 1}: loss ${d.loss.at(-1)!.toExponential(1)}`, `sharpness ${fmt(d.sharpness)} ${stable ? '<' : '≥'} 2/η = ${fmt(twoOverEta)} (${stable ? 'stable' : 'not stable'})`];
}

function describe(d: ScalarLandscapeData, progress = 1): string {
  const landscape = `Contours of the loss ½(s − w₁w₂)² for s = ${num(d.s)}: a saddle at the origin, a valley of minima along the hyperbola w₁w₂ = s, and dashed hyperbolas w₂² − w₁² = constant that gradient flow follows. `;
  if (progress <= 0) return landscape + `The marked start is (${num(d.start[0])}, ${num(d.start[1])}), on the hyperbola w₂² − w₁² = ${(d.start[1] ** 2 - d.start[0] ** 2).toFixed(2)}; its gradient-descent trajectory is not drawn yet.`;
  const end = d.diverged
    ? `With learning rate η = ${num(d.eta)} gradient descent diverges at step ${d.diverged.step}; the trajectory is drawn up to its last finite iterate.`
    : `With learning rate η = ${num(d.eta)}, after ${d.w1.length - 1} steps gradient descent is at (${d.w1.at(-1)!.toFixed(3)}, ${d.w2.at(-1)!.toFixed(3)}) with loss ${d.loss.at(-1)!.toExponential(1)}; there the sharpness (top Hessian eigenvalue) is ${fmt(d.sharpness)}, ${d.sharpness < 2 / d.eta ? 'below' : 'above'} 2/η = ${fmt(2 / d.eta)}.`;
  return landscape + `A gradient-descent trajectory computed by the course engine starts at (${num(d.start[0])}, ${num(d.start[1])}). ${end}`;
}

/** Landscape of ½(s − w₁w₂)² with a GD trajectory from a chosen start (click or sliders) at a chosen η. */
export const scalarLandscape: FigureSpec<ScalarLandscapeData> = {
  name: 'scalar-landscape',
  title: 'Loss landscape of the scalar two-layer network ½(s − w₁w₂)² with a gradient-descent trajectory',
  width: W,
  height: H,
  controls: [
    { name: 's', label: 'target s', min: 0.5, max: 2, step: 0.1, value: 1, format: (v) => v.toFixed(1) },
    { name: 'eta', label: 'learning rate η', min: 0.02, max: 1.2, step: 0.02, value: 0.1, format: (v) => v.toFixed(2) },
    { name: 'w1', label: 'start w₁', min: -2.4, max: 2.4, step: 0.1, value: -0.6, format: (v) => v.toFixed(1) },
    { name: 'w2', label: 'start w₂', min: -2.4, max: 2.4, step: 0.1, value: 1.2, format: (v) => v.toFixed(1) },
  ],
  compute,
  draw,
  describe,
  steps: [
    { label: 'the landscape: saddle, valley of minima, conserved hyperbolas, and the start', progress: 0 },
    { label: 'a gradient-descent trajectory and its loss', progress: 1 },
  ],
  pointer(px, py) {
    if (px < PLOT.x0 || px > PLOT.x1 || py < PLOT.y1 || py > PLOT.y0) return null;
    const w1 = -R + ((px - PLOT.x0) / (PLOT.x1 - PLOT.x0)) * 2 * R;
    const w2 = R - ((py - PLOT.y1) / (PLOT.y0 - PLOT.y1)) * 2 * R;
    return { w1, w2 };
  },
};

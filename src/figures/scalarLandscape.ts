import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { contours } from 'd3-contour';
import { geoPath, geoIdentity } from 'd3-geo';
import { scalarLoss } from '../engine/models/scalar/scalarTwoLayer.ts';
import type { EngineHost, FigureSpec } from './FigureSpec.ts';
import { drawAxes } from './axes.ts';
import { palette, ink, muted } from './palette.ts';
import { plotRoot } from './plotFrame.ts';

export interface ScalarLandscapeData {
  s: number;
  eta: number;
  start: [number, number];
  /** GD iterates from the engine. */
  w1: number[];
  w2: number[];
  loss: number[];
  sharpness: number;
  diverged: null | { step: number; reason: string };
  /** Loss on a GRID×GRID lattice over [−R, R]², row-major in w₂ then w₁, for the contours. */
  grid: number[];
}

const W = 900;
const H = 460;
const R = 2.5;
const GRID = 61;
const STEPS = 120;
const PLOT = { x0: 70, x1: 440, y0: 410, y1: 40 };
const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));

async function compute(p: Record<string, number>, engine: EngineHost): Promise<ScalarLandscapeData> {
  const run = await engine.run({ model: 'scalar-two-layer', s: p.s, eta: p.eta, w1: p.w1, w2: p.w2, steps: STEPS, recordEvery: 1 });
  const grid: number[] = [];
  for (let j = 0; j < GRID; j++) for (let i = 0; i < GRID; i++) grid.push(scalarLoss(p.s, -R + (2 * R * i) / (GRID - 1), -R + (2 * R * j) / (GRID - 1)));
  return {
    s: p.s, eta: p.eta, start: [p.w1, p.w2],
    w1: run.series.w1 as number[], w2: run.series.w2 as number[], loss: run.series.loss as number[],
    sharpness: (run.series.sharpness as number[]).at(-1) ?? NaN, diverged: run.diverged, grid,
  };
}

function draw(svgNode: SVGSVGElement, d: ScalarLandscapeData, progress: number): void {
  const root = plotRoot(svgNode);
  const x = scaleLinear().domain([-R, R]).range([PLOT.x0, PLOT.x1]);
  const y = scaleLinear().domain([-R, R]).range([PLOT.y0, PLOT.y1]);
  const left = root.append('g');
  // Contours of the loss, log-spaced so the flat valley and the steep walls both show.
  const levels = [0.02, 0.08, 0.25, 0.6, 1.2, 2.5, 5, 10];
  // d3-contour puts sample (i, j) at (i + ½, j + ½); shift back half a cell so contours sit on the samples.
  const cell = (PLOT.x1 - PLOT.x0) / (GRID - 1);
  const toPlot = geoIdentity().scale(cell).translate([PLOT.x0 - cell / 2, PLOT.y1 - cell / 2]);
  const path = geoPath(toPlot);
  for (const [k, c] of contours().size([GRID, GRID]).thresholds(levels)(d.grid).entries()) {
    // Grid row j is w₂ = −R + …, so flip vertically into plot coordinates.
    const flipped = { ...c, coordinates: c.coordinates.map((poly) => poly.map((ring) => ring.map(([i, j]) => [i, GRID - j]))) };
    left.append('path').attr('d', path(flipped as never) ?? '').attr('fill', '#0072B2').attr('fill-opacity', 0.05 + 0.05 * k).attr('stroke', '#9fb7cc').attr('stroke-width', 0.8);
  }
  drawAxes(left, x, y, { x: 'w₁', y: 'w₂' });
  // Conserved quantity of gradient flow: hyperbolas w₁² − w₂² = c (thin), and the minima w₁w₂ = s (thick).
  const curve = (f: (t: number) => [number, number], t0: number, t1: number) =>
    line<number>().x((t) => x(f(t)[0])).y((t) => y(f(t)[1])).digits(2)(Array.from({ length: 80 }, (_, i) => t0 + ((t1 - t0) * i) / 79)) ?? '';
  for (const c of [-3, -1, 1, 3]) {
    const a = Math.sqrt(Math.abs(c));
    const tMax = Math.acosh(R / a); // keeps the curve inside the plotted square
    for (const sign of [1, -1]) {
      const f = (t: number): [number, number] => (c > 0 ? [sign * a * Math.cosh(t), a * Math.sinh(t)] : [a * Math.sinh(t), sign * a * Math.cosh(t)]);
      left.append('path').attr('d', curve(f, -tMax, tMax)).attr('fill', 'none').attr('stroke', muted).attr('stroke-width', 0.9).attr('stroke-dasharray', '2 4');
    }
  }
  for (const sign of [1, -1]) {
    left.append('path').attr('d', curve((t) => [sign * t, sign * d.s / t], d.s / R, R)).attr('fill', 'none').attr('stroke', palette[2]).attr('stroke-width', 3);
  }
  left.append('circle').attr('cx', x(0)).attr('cy', y(0)).attr('r', 6).attr('fill', palette[1]);
  // Labels get a white halo so they stay legible over contours and the trajectory.
  const label = (text: string, lx: number, ly: number, colour: string, anchor = 'start') =>
    left.append('text').attr('x', lx).attr('y', ly).attr('text-anchor', anchor).attr('font-size', 15).attr('fill', colour)
      .attr('stroke', '#fff').attr('stroke-width', 4).attr('paint-order', 'stroke').text(text);
  label('saddle (0, 0)', x(0) + 10, y(0) + 22, palette[1]);
  label(`minima w₁w₂ = ${d.s.toFixed(1)}`, x(R) - 6, y(-R) - 10, palette[2], 'end');
  // The GD trajectory, revealed with progress.
  const n = Math.max(1, Math.round(progress * (d.w1.length - 1)));
  const inView = (v: number) => Math.max(-R * 1.05, Math.min(R * 1.05, v));
  if (progress > 0) {
    const pts = d.w1.slice(0, n + 1).map((w, k) => [x(inView(w)), y(inView(d.w2[k]))] as [number, number]);
    left.append('path').attr('d', line().digits(2)(pts) ?? '').attr('fill', 'none').attr('stroke', ink).attr('stroke-width', 1.6);
    for (const [px, py] of pts) left.append('circle').attr('cx', px).attr('cy', py).attr('r', 2.4).attr('fill', ink);
  }
  left.append('circle').attr('cx', x(d.start[0])).attr('cy', y(d.start[1])).attr('r', 7).attr('fill', 'none').attr('stroke', ink).attr('stroke-width', 2.5);

  // Right: loss per step on a log axis, and the verdict.
  const steps = d.loss.length - 1;
  const xr = scaleLinear().domain([0, STEPS]).range([560, 880]);
  const positive = d.loss.map((v) => Math.max(v, 1e-16));
  const yr = scaleLog().domain([1e-16, Math.max(10, ...positive)]).range([330, 60]).clamp(true);
  const right = root.append('g');
  right.append('line').attr('x1', 560).attr('x2', 880).attr('y1', 330).attr('y2', 330).attr('stroke', ink);
  right.append('line').attr('x1', 560).attr('x2', 560).attr('y1', 330).attr('y2', 60).attr('stroke', ink);
  for (const t of [1e-15, 1e-10, 1e-5, 1]) right.append('text').attr('x', 552).attr('y', yr(t) + 5).attr('text-anchor', 'end').attr('font-size', 14).attr('fill', muted).text(t === 1 ? '1' : `1e${Math.log10(t)}`);
  for (const t of [0, 40, 80, 120]) right.append('text').attr('x', xr(t)).attr('y', 352).attr('text-anchor', 'middle').attr('font-size', 14).attr('fill', muted).text(String(t));
  right.append('text').attr('x', 720).attr('y', 378).attr('text-anchor', 'middle').attr('font-size', 15).attr('fill', ink).text('GD step');
  right.append('text').attr('x', 720).attr('y', 40).attr('text-anchor', 'middle').attr('font-size', 18).attr('font-weight', 600).attr('fill', ink).text('loss ½(s − w₁w₂)², log scale');
  const m = Math.max(1, Math.round(progress * steps));
  right.append('path').attr('d', line<number>().x((_, k) => xr(k)).y((v) => yr(v)).digits(2)(positive.slice(0, m + 1)) ?? '').attr('fill', 'none').attr('stroke', palette[0]).attr('stroke-width', 2.5);
  right.append('text').attr('x', 545).attr('y', 420).attr('font-size', 16).attr('fill', d.diverged ? palette[1] : ink).text(verdict(d));
}

function verdict(d: ScalarLandscapeData): string {
  if (d.diverged) return `η = ${d.eta}: diverged at step ${d.diverged.step}`;
  const twoOverEta = 2 / d.eta;
  const kind = d.sharpness < twoOverEta ? 'stable' : 'not stable';
  return `end: sharpness ${fmt(d.sharpness)} vs 2/η = ${fmt(twoOverEta)} (${kind})`;
}

function describe(d: ScalarLandscapeData): string {
  const end = d.diverged
    ? `With learning rate ${d.eta} gradient descent diverges at step ${d.diverged.step}.`
    : `With learning rate ${d.eta} gradient descent ends at (${d.w1.at(-1)!.toFixed(3)}, ${d.w2.at(-1)!.toFixed(3)}) with loss ${d.loss.at(-1)!.toExponential(1)}; there the sharpness w₁² + w₂² is ${fmt(d.sharpness)}, ${d.sharpness < 2 / d.eta ? 'below' : 'above'} 2/η = ${fmt(2 / d.eta)}.`;
  return `Contours of the loss ½(s − w₁w₂)² for s = ${d.s}: a saddle at the origin, a valley of minima along the hyperbola w₁w₂ = s, and dashed hyperbolas w₁² − w₂² = constant that gradient flow follows. ` +
    `A gradient-descent trajectory computed by the course engine starts at (${d.start[0]}, ${d.start[1]}). ${end}`;
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
    { name: 'w1', label: 'start w₁', min: -2.4, max: 2.4, step: 0.1, value: 0.2, format: (v) => v.toFixed(1) },
    { name: 'w2', label: 'start w₂', min: -2.4, max: 2.4, step: 0.1, value: 1.8, format: (v) => v.toFixed(1) },
  ],
  compute,
  draw,
  describe,
  steps: [
    { label: 'the landscape: saddle, valley of minima, conserved hyperbolas', progress: 0 },
    { label: 'a gradient-descent trajectory', progress: 1 },
  ],
  pointer(px, py) {
    if (px < PLOT.x0 || px > PLOT.x1 || py < PLOT.y1 || py > PLOT.y0) return null;
    const w1 = -R + ((px - PLOT.x0) / (PLOT.x1 - PLOT.x0)) * 2 * R;
    const w2 = R - ((py - PLOT.y1) / (PLOT.y0 - PLOT.y1)) * 2 * R;
    return { w1, w2 };
  },
};

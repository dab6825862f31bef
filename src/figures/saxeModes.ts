import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { saxeModeValue, saxeHalfTime } from '../engine/closed/saxeMode.ts';
import type { EngineHost, FigureSpec } from './FigureSpec.ts';
import { drawAxes } from './axes.ts';
import { palette, ink, muted } from './palette.ts';
import { powerOfTen } from './format.ts';
import { plotRoot, drawPanelTitles } from './plotFrame.ts';

export interface SaxeModesData {
  s: number[];
  u0: number;
  t: number[];
  /** u[α][k] = u_α(t_k) from the closed form. */
  u: number[][];
  loss: number[];
  halfTimes: number[];
  /** Loss plateau heights ½Σ_{α>k} s_α² for k = 0..n. */
  plateaus: number[];
  /** Gradient flow of the full network (engine `dln`, aligned balanced init), sampled sparsely: ts and u[α][k]. */
  simulated: { t: number[]; u: number[][] };
  /** Largest |simulated − closed form| over all samples and modes. */
  maxDeviation: number;
}

const W = 900;
const H = 430;
const SAMPLES = 240;
const SIM_RECORDS = 24;
const fmt = (v: number) => v.toFixed(2);

/** Mode strengths and loss of a balanced two-layer linear network, all from the closed-form solution. */
async function compute(params: Record<string, number>, engine: EngineHost): Promise<SaxeModesData> {
  const s = [params.s1, params.s2, params.s3].filter((v) => v > 0).sort((a, b) => b - a);
  const u0 = 10 ** params.log10u0;
  const halfTimes = s.map((si) => saxeHalfTime(si, u0));
  const tMax = 1.6 * Math.max(...halfTimes);
  const t = Array.from({ length: SAMPLES + 1 }, (_, k) => (tMax * k) / SAMPLES);
  const u = s.map((si) => t.map((tk) => saxeModeValue(si, u0, tk)));
  const loss = t.map((_, k) => 0.5 * s.reduce((acc, si, a) => acc + (si - u[a][k]) ** 2, 0));
  const plateaus = s.map((_, k) => 0.5 * s.slice(k).reduce((acc, si) => acc + si * si, 0)).concat(0);
  // The same network simulated by the engine, as a check the audience can see: dots on the curves.
  const run = await engine.run({
    model: 'dln', widths: [s.length, s.length, s.length], teacher: { singularValues: s, basis: 'random' },
    init: { kind: 'aligned', u0 }, optimizer: { kind: 'flow' }, T: tMax, records: SIM_RECORDS, ntk: false,
  });
  const modes = run.series.modeStrengths as number[][];
  const simulated = { t: run.t, u: s.map((_, a) => modes.map((row) => row[a])) };
  let maxDeviation = 0;
  simulated.t.forEach((tk, k) => s.forEach((si, a) => { maxDeviation = Math.max(maxDeviation, Math.abs(simulated.u[a][k] - saxeModeValue(si, u0, tk))); }));
  return { s, u0, t, u, loss, halfTimes, plateaus, simulated, maxDeviation };
}

function draw(svgNode: SVGSVGElement, d: SaxeModesData, progress: number): void {
  const root = plotRoot(svgNode).attr('font-family', 'inherit');
  const tEnd = d.t[d.t.length - 1];
  const cut = Math.max(1, Math.round(progress * (d.t.length - 1)));
  const panels = [
    { x0: 90, x1: 430, title: 'Mode strengths uᵢ(t)' },
    { x0: 540, x1: 880, title: 'Loss ½‖M − W(t)‖²' },
  ];
  const yTop = 50;
  const yBottom = 360;

  // Left panel: one sigmoid per mode, with its singular value and half-time marked.
  const xl = scaleLinear().domain([0, tEnd]).range([panels[0].x0, panels[0].x1]);
  const yl = scaleLinear().domain([0, Math.max(...d.s) * 1.08]).nice().range([yBottom, yTop]);
  const left = root.append('g');
  drawAxes(left, xl, yl, { x: 'time t', y: 'mode strength uᵢ(t)' });
  d.s.forEach((s, a) => {
    const colour = palette[a % palette.length];
    left.append('line').attr('x1', xl(0)).attr('x2', xl(tEnd)).attr('y1', yl(s)).attr('y2', yl(s))
      .attr('stroke', colour).attr('stroke-dasharray', '4 5').attr('stroke-width', 1.5).attr('opacity', 0.7);
    const path = line<number>().x((_, k) => xl(d.t[k])).y((v) => yl(v)).digits(2);
    left.append('path').attr('d', path(d.u[a].slice(0, cut + 1)) ?? '').attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 3.5);
    d.simulated.t.forEach((tk, k) => {
      if (tk > progress * tEnd) return;
      left.append('circle').attr('class', 'simulated').attr('cx', xl(tk)).attr('cy', yl(d.simulated.u[a][k])).attr('r', 3.2)
        .attr('fill', '#fff').attr('stroke', colour).attr('stroke-width', 1.6);
    });
    const th = d.halfTimes[a];
    if (th <= progress * tEnd) {
      left.append('circle').attr('cx', xl(th)).attr('cy', yl(s / 2)).attr('r', 6).attr('fill', colour).attr('stroke', '#fff').attr('stroke-width', 1.5);
    }
    left.append('text').attr('x', panels[0].x1 - 4).attr('y', yl(s) - 8).attr('text-anchor', 'end').attr('font-size', 16).attr('fill', colour)
      .text(`s${'₁₂₃₄₅₆'[a]} = ${s.toFixed(1)}, t½ = ${fmt(th)}`);
  });

  // Right panel: the loss staircase, with the saddle plateaus ½Σ_{α>k} s_α² as guides.
  const xr = scaleLinear().domain([0, tEnd]).range([panels[1].x0, panels[1].x1]);
  const yr = scaleLinear().domain([0, d.plateaus[0] * 1.05]).nice().range([yBottom, yTop]);
  const right = root.append('g');
  drawAxes(right, xr, yr, { x: 'time t', y: 'loss' });
  d.plateaus.slice(1, -1).forEach((p) => {
    right.append('line').attr('x1', xr(0)).attr('x2', xr(tEnd)).attr('y1', yr(p)).attr('y2', yr(p)).attr('stroke', muted).attr('stroke-dasharray', '3 5');
    right.append('text').attr('x', panels[1].x1 - 4).attr('y', yr(p) - 6).attr('text-anchor', 'end').attr('font-size', 15).attr('fill', muted).text(`plateau ${p.toFixed(2)}`);
  });
  const lossPath = line<number>().x((_, k) => xr(d.t[k])).y((v) => yr(v)).digits(2);
  right.append('path').attr('d', lossPath(d.loss.slice(0, cut + 1)) ?? '').attr('fill', 'none').attr('stroke', ink).attr('stroke-width', 3.5);

  drawPanelTitles(root, panels);
  if (progress < 1) {
    root.append('line').attr('class', 'cursor').attr('x1', xl(progress * tEnd)).attr('x2', xl(progress * tEnd)).attr('y1', yTop).attr('y2', yBottom).attr('stroke', muted);
    root.append('line').attr('class', 'cursor').attr('x1', xr(progress * tEnd)).attr('x2', xr(progress * tEnd)).attr('y1', yTop).attr('y2', yBottom).attr('stroke', muted);
  }
}

function describe(d: SaxeModesData): string {
  const modes = d.s.map((s, a) => `s = ${s.toFixed(1)} reaches half its value at t = ${fmt(d.halfTimes[a])}`).join('; ');
  const steps = d.plateaus.slice(1, -1).map((p) => p.toFixed(2)).join(' and ');
  return `Closed-form gradient-flow trajectories of a balanced two-layer linear network from u₀ = ${powerOfTen(Math.log10(d.u0))}. ` +
    `Each mode rises along a sigmoid from near zero to its singular value; the larger the singular value, the earlier: ${modes}. ` +
    `The loss falls in steps from ${d.plateaus[0].toFixed(2)}${steps ? `, pausing at the saddle plateaus ${steps},` : ''} to 0. ` +
    `Open dots: gradient flow of the full network simulated by the course engine, within ${d.maxDeviation.toExponential(1)} of the closed form.`;
}

/** Saxe, McClelland & Ganguli (2014): sigmoidal mode learning, ordered by singular value. */
export const saxeModes: FigureSpec<SaxeModesData> = {
  name: 'saxe-modes',
  title: 'Mode strengths and loss of a two-layer linear network under gradient flow',
  width: W,
  height: H,
  controls: [
    { name: 's1', label: 'singular value s₁', min: 0.2, max: 4, step: 0.1, value: 3, format: (v) => v.toFixed(1) },
    { name: 's2', label: 'singular value s₂', min: 0.2, max: 4, step: 0.1, value: 2, format: (v) => v.toFixed(1) },
    { name: 's3', label: 'singular value s₃', min: 0.2, max: 4, step: 0.1, value: 1, format: (v) => v.toFixed(1) },
    { name: 'log10u0', label: 'initial strength log₁₀ u₀', min: -6, max: -1, step: 0.5, value: -3, format: powerOfTen },
  ],
  compute,
  draw,
  describe,
};

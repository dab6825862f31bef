import { scaleLinear } from 'd3';
import { saxeModeValue, saxeHalfTime } from '../engine/closed/saxeMode.ts';
import type { EngineHost, FigureSpec } from './FigureSpec.ts';
import { drawAxes } from './axes.ts';
import { palette, ink, muted } from './palette.ts';
import { powerOfTen, px } from './format.ts';
import { plotRoot, drawPanelTitles, haloText, spreadLabels } from './plotFrame.ts';
import { type Area, clippedPath, inArea } from './clip.ts';

export interface SaxeModesData {
  /** Teacher singular values in slider order: mode i is the one slider sᵢ sets, whatever its rank. */
  s: number[];
  u0: number;
  t: number[];
  /** u[i][k] = u_i(t_k) from the closed form. */
  u: number[][];
  loss: number[];
  halfTimes: number[];
  /** Loss plateau heights after k modes are learned (largest sᵢ first): ½ Σ of the rest, for k = 0..n. */
  plateaus: number[];
  /** Gradient flow of the full network (engine `dln`, aligned balanced init), sampled sparsely: ts and u[i][k]. */
  simulated: { t: number[]; u: number[][] };
  /** Largest |simulated − closed form| over all samples and modes. */
  maxDeviation: number;
}

const W = 900;
const H = 430;
const SAMPLES = 240;
const SIM_RECORDS = 24;
const fmt = (v: number) => v.toFixed(2);
const SUB = '₁₂₃₄₅₆';
const LABEL_GAP = 19;
/** Stroke widths in slider order: where two modes coincide, the later one shows inside the earlier. */
const WIDTHS = [4.5, 3.2, 2];
/** Mode i keeps the name and colour of its slider sᵢ. */
export const modeName = (i: number) => `s${SUB[i]}`;
export const modeColour = (i: number) => palette[i % palette.length];

/**
 * The saddle plateaus the loss actually rests on: after the k largest modes are learned, if the next mode is
 * strictly weaker (modes of equal strength are learned together, with no plateau between them).
 */
export function saddlePlateaus(d: Pick<SaxeModesData, 's' | 'plateaus'>): number[] {
  const ranked = [...d.s].sort((a, b) => b - a);
  return d.plateaus.slice(1, -1).filter((_, j) => ranked[j] > ranked[j + 1]);
}

/** Mode strengths and loss of a balanced two-layer linear network, all from the closed-form solution. */
async function compute(params: Record<string, number>, engine: EngineHost): Promise<SaxeModesData> {
  const s = [params.s1, params.s2, params.s3];
  const u0 = 10 ** params.log10u0;
  const halfTimes = s.map((si) => saxeHalfTime(si, u0));
  const tMax = 1.6 * Math.max(...halfTimes);
  const t = Array.from({ length: SAMPLES + 1 }, (_, k) => (tMax * k) / SAMPLES);
  const u = s.map((si) => t.map((tk) => saxeModeValue(si, u0, tk)));
  const loss = t.map((_, k) => 0.5 * s.reduce((acc, si, a) => acc + (si - u[a][k]) ** 2, 0));
  // Modes are learned in order of decreasing sᵢ; the loss rests on ½ Σ of the modes not yet learned.
  const ranked = [...s].sort((a, b) => b - a);
  const plateaus = ranked.map((_, k) => 0.5 * ranked.slice(k).reduce((acc, si) => acc + si * si, 0)).concat(0);
  // The same network simulated by the engine, as a check the audience can see: dots on the curves. The engine
  // keeps the teacher's modes in the order given, so simulated mode i is slider i's.
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
  const root = plotRoot(svgNode, { s1: d.s[0], s2: d.s[1], s3: d.s[2], log10u0: Number(Math.log10(d.u0).toFixed(6)) }).attr('font-family', 'inherit');
  const tEnd = d.t[d.t.length - 1];
  const cut = Math.max(1, Math.round(progress * (d.t.length - 1)));
  const panels = [
    { x0: 90, x1: 430, title: 'Mode strengths uᵢ(t)' },
    { x0: 540, x1: 880, title: 'Loss ½‖M − W(t)‖²' },
  ];
  const yTop = 50;
  const yBottom = 360;
  const leftArea: Area = { x0: panels[0].x0, x1: panels[0].x1, y0: yTop, y1: yBottom };
  const rightArea: Area = { x0: panels[1].x0, x1: panels[1].x1, y0: yTop, y1: yBottom };

  // Left panel: one sigmoid per mode, with its singular value and half-time marked. Mode i is named and
  // coloured after its slider sᵢ, whatever its rank.
  const xl = scaleLinear().domain([0, tEnd]).range([panels[0].x0, panels[0].x1]);
  // Headroom above the largest target for its label and for the labels of targets crowded below it.
  const sMax = Math.max(...d.s);
  const plotH = yBottom - yTop;
  const crowded = d.s.filter((s) => (sMax - s) / (sMax * 1.08) * plotH < LABEL_GAP).length;
  const need = crowded * LABEL_GAP + 10;
  const yl = scaleLinear().domain([0, Math.max(sMax * 1.08, (sMax * plotH) / Math.max(plotH - need, 1))]).nice().range([yBottom, yTop]);
  const left = root.append('g');
  drawAxes(left, xl.copy(), yl.copy(), { x: 'time t', y: 'mode strength uᵢ(t)' });
  // Labels sit above their dashed target lines, spread apart when two targets are close.
  const labelY = spreadLabels(d.s.map((s) => yl(s) - 8), LABEL_GAP, yTop + 16, yBottom - 6, 'up');
  d.s.forEach((s, a) => {
    const colour = modeColour(a);
    left.append('line').attr('x1', xl(0)).attr('x2', xl(tEnd)).attr('y1', yl(s)).attr('y2', yl(s))
      .attr('stroke', colour).attr('stroke-dasharray', '4 5').attr('stroke-width', 1.5).attr('opacity', 0.7);
    const pts = d.u[a].slice(0, cut + 1).map((v, k) => [xl(d.t[k]), yl(v)] as const);
    left.append('path').attr('class', 'mode').attr('data-mode', modeName(a)).attr('d', clippedPath(pts, leftArea)).attr('fill', 'none').attr('stroke', colour).attr('stroke-width', WIDTHS[a] ?? 2.2);
    d.simulated.t.forEach((tk, k) => {
      if (tk > progress * tEnd) return;
      const p = [xl(tk), yl(d.simulated.u[a][k])] as const;
      if (!inArea(p, leftArea)) return;
      left.append('circle').attr('class', 'simulated').attr('cx', px(p[0])).attr('cy', px(p[1])).attr('r', 3.2)
        .attr('fill', '#fff').attr('stroke', colour).attr('stroke-width', 1.6);
    });
    const th = d.halfTimes[a];
    if (th <= progress * tEnd) {
      left.append('circle').attr('cx', px(xl(th))).attr('cy', px(yl(s / 2))).attr('r', 6).attr('fill', colour).attr('stroke', '#fff').attr('stroke-width', 1.5);
    }
    haloText(left, `${modeName(a)} = ${s.toFixed(1)}, t½ = ${fmt(th)}`, panels[0].x1 - 4, labelY[a], { colour, size: 16, anchor: 'end' });
  });

  // Right panel: the loss staircase, with the saddle plateaus ½Σ of the not-yet-learned modes as guides.
  const xr = scaleLinear().domain([0, tEnd]).range([panels[1].x0, panels[1].x1]);
  const yr = scaleLinear().domain([0, d.plateaus[0] * 1.05]).nice().range([yBottom, yTop]);
  const right = root.append('g');
  drawAxes(right, xr.copy(), yr.copy(), { x: 'time t', y: 'loss' });
  const guides = saddlePlateaus(d);
  const guideY = spreadLabels(guides.map((p) => yr(p) - 6), 17, yTop + 14, yBottom - 4);
  guides.forEach((p, k) => {
    right.append('line').attr('x1', xr(0)).attr('x2', xr(tEnd)).attr('y1', px(yr(p))).attr('y2', px(yr(p))).attr('stroke', muted).attr('stroke-dasharray', '3 5');
    haloText(right, `plateau ${p.toFixed(2)}`, panels[1].x1 - 4, guideY[k], { colour: muted, anchor: 'end' });
  });
  const lossPts = d.loss.slice(0, cut + 1).map((v, k) => [xr(d.t[k]), yr(v)] as const);
  right.append('path').attr('d', clippedPath(lossPts, rightArea)).attr('fill', 'none').attr('stroke', ink).attr('stroke-width', 3.5);

  drawPanelTitles(root, panels);
  if (progress < 1) {
    left.append('line').attr('class', 'cursor').attr('x1', xl(progress * tEnd)).attr('x2', xl(progress * tEnd)).attr('y1', yTop).attr('y2', yBottom).attr('stroke', muted);
    right.append('line').attr('class', 'cursor').attr('x1', xr(progress * tEnd)).attr('x2', xr(progress * tEnd)).attr('y1', yTop).attr('y2', yBottom).attr('stroke', muted);
  }
}

function describe(d: SaxeModesData): string {
  const byTime = d.s.map((_, a) => a).sort((a, b) => d.halfTimes[a] - d.halfTimes[b]);
  const modes = byTime.map((a) => `mode ${modeName(a)} = ${d.s[a].toFixed(1)} reaches half its value at t = ${fmt(d.halfTimes[a])}`).join('; ');
  const steps = saddlePlateaus(d).map((p) => p.toFixed(2)).join(' and ');
  return `Closed-form gradient-flow trajectories of a balanced two-layer linear network from u₀ = ${powerOfTen(Math.log10(d.u0))}, teacher singular values ${d.s.map((s, a) => `${modeName(a)} = ${s.toFixed(1)}`).join(', ')}. ` +
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

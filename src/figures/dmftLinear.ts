import { line, scaleLinear } from 'd3';
import { lambdaModeValue } from '../engine/closed/lambdaMode.ts';
import type { Trajectory } from '../engine/index.ts';
import type { EngineHost, FigureSpec } from './FigureSpec.ts';
import { drawAxes } from './axes.ts';
import { palette, ink, muted } from './palette.ts';
import { px } from './format.ts';
import { plotRoot, drawPanelTitles } from './plotFrame.ts';

/** One DMFT curve f_y(t)/|y| at a fixed γ₀. */
export interface DmftCurve {
  gamma0: number;
  t: number[];
  fy: number[];
}

export interface DmftLinearData {
  gamma0: number;
  N: number;
  seed: number;
  P: number;
  targetNorm: number;
  T: number;
  /** Reference DMFT curves at fixed γ₀, drawn thin (engine `dmft-linear`, no network). */
  family: DmftCurve[];
  /** DMFT at the slider γ₀: f_y/|y|, the feature kernel along the target Φ_yy and in the other directions Φ_⊥. */
  t: number[];
  fy: number[];
  phiYY: number[];
  phiPerp: number[];
  /** The width-N network trained by gradient descent at the slider γ₀, at every record. */
  net: { t: number[]; fy: number[]; phiYY: number[]; phiPerp: number[] };
  /** Set when the network run stopped early: the last drawn time and the engine's reason. */
  netDiverged: { step: number; t: number; reason: string } | null;
  /** Closed form Φ_yy(∞) = √(1 + γ₀²|y|²). */
  phiLimit: number;
  /** Closed-form half-time of f_y through the λ-law. */
  halfTime: number;
  /** max |DMFT f_y − λ-law u(γ₀t)| with λ = 2/γ₀, s = |y|, u₀ = 0 (all curves). */
  maxClosedDeviation: number;
  /** max |network f_y − DMFT f_y|/|y| over the records, and the relative gap of Φ_yy at t = T. */
  netGapF: number;
  netGapPhiFinal: number;
  /** GD step of the network (t = step·η). */
  eta: number;
}

const W = 900;
const H = 440;
const T = 2;
const TARGET = 1;
const P = 8;
const SEED = 0;
const RECORDS = 200;
/** Network dots are thinned in draw to one every ~DOT_SPACING viewBox units along each curve. */
const DOT_SPACING = 17;
const FAMILY = [0.1, 1, 3];
const FAMILY_COLOURS = [palette[2], palette[3], palette[4]];
const MAIN = palette[0];
const TOP = 50;
const BOTTOM = 350;
const PANELS = [
  { x0: 85, x1: 415, title: 'Output along the target' },
  { x0: 545, x1: 875, title: 'Feature kernel' },
];

/** γ₀ from the log slider, kept to three significant digits so labels and cache keys are clean. */
export const gammaFromSlider = (v: number): number => Number((10 ** v).toPrecision(3));
const fmtGamma = (g: number): string => (g >= 10 ? g.toFixed(0) : String(Number(g.toPrecision(2))));

const scenario = (gamma0: number, N: number) => ({
  model: 'dmft-linear', seed: SEED, gamma0, targetNorm: TARGET, P, N, init: 'mirrored', T, records: RECORDS,
});

function closedDeviation(gamma0: number, t: number[], fy: number[]): number {
  let m = 0;
  t.forEach((tk, k) => { m = Math.max(m, Math.abs(fy[k] - lambdaModeValue(2 / gamma0, TARGET, 0, gamma0 * tk))); });
  return m;
}

async function compute(p: Record<string, number>, engine: EngineHost): Promise<DmftLinearData> {
  const gamma0 = gammaFromSlider(p.log10gamma0);
  const N = 2 ** Math.round(p.log2N);
  const [main, ...refs] = await Promise.all([engine.run(scenario(gamma0, N)), ...FAMILY.map((g) => engine.run(scenario(g, 0)))]);
  const s = (r: Trajectory, k: string) => (r.series[k] as number[] | undefined) ?? [];
  const family = FAMILY.map((g, i) => ({ gamma0: g, t: refs[i].t, fy: s(refs[i], 'fy').map((v) => v / TARGET) }));
  const fy = s(main, 'fy');
  const netFy = s(main, 'netFy');
  const idx = main.t.map((_, k) => k);
  let netGapF = 0;
  main.t.forEach((_, k) => { netGapF = Math.max(netGapF, Math.abs(netFy[k] - fy[k]) / TARGET); });
  let maxClosedDeviation = closedDeviation(gamma0, main.t, fy);
  family.forEach((c) => { maxClosedDeviation = Math.max(maxClosedDeviation, closedDeviation(c.gamma0, c.t, c.fy)); });
  const phiYY = s(main, 'phiYY');
  const netPhi = s(main, 'netPhiYY');
  return {
    gamma0, N, seed: SEED, P, targetNorm: TARGET, T,
    family,
    t: main.t, fy: fy.map((v) => v / TARGET), phiYY, phiPerp: s(main, 'phiPerp'),
    net: {
      t: idx.map((k) => main.t[k]), fy: idx.map((k) => netFy[k] / TARGET),
      phiYY: idx.map((k) => netPhi[k]), phiPerp: idx.map((k) => s(main, 'netPhiPerp')[k]),
    },
    netDiverged: main.diverged ? { step: main.diverged.step, t: main.t.at(-1) ?? 0, reason: main.diverged.reason } : null,
    phiLimit: main.final.phiYYLimit as number,
    halfTime: main.final.halfTimeClosedForm as number,
    maxClosedDeviation,
    netGapF,
    netGapPhiFinal: phiYY.length && netPhi.length ? Math.abs(netPhi.at(-1)! - phiYY.at(-1)!) / phiYY.at(-1)! : NaN,
    eta: main.final.eta as number,
  };
}

/** True when f_y(t) has an inflection (a convex, accelerating phase): γ₀|y| > 2√2. */
export const isSigmoidal = (gamma0: number, targetNorm: number): boolean => gamma0 * targetNorm > 2 * Math.SQRT2;

function draw(svgNode: SVGSVGElement, d: DmftLinearData, progress: number): void {
  const root = plotRoot(svgNode);
  const tCut = Math.max(0, Math.min(1, progress)) * d.T;
  const finite = (...v: number[]) => v.every(Number.isFinite);

  // Left: f_y/|y| against t.
  const x1 = scaleLinear().domain([0, d.T]).range([PANELS[0].x0, PANELS[0].x1]).clamp(true);
  const y1 = scaleLinear().domain([0, 1.05]).range([BOTTOM, TOP]).clamp(true);
  const left = root.append('g');
  drawAxes(left, x1, y1, { x: 'time t', y: 'ŷ·f(t) / ‖y‖' }, { xTicks: [0, 0.5, 1, 1.5, 2], yTicks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  const path = (x: typeof x1, y: typeof y1, t: number[], v: number[]) => {
    const pts = t.map((tk, k) => [tk, v[k]] as const).filter(([tk, vk]) => tk <= tCut + 1e-12 && finite(tk, vk));
    return line<readonly [number, number]>().x(([tk]) => x(tk)).y(([, vk]) => y(vk)).digits(2)(pts) ?? '';
  };
  d.family.forEach((c, i) => {
    left.append('path').attr('d', path(x1, y1, c.t, c.fy)).attr('fill', 'none').attr('stroke', FAMILY_COLOURS[i]).attr('stroke-width', 2).attr('stroke-opacity', 0.85);
  });
  left.append('path').attr('d', path(x1, y1, d.t, d.fy)).attr('fill', 'none').attr('stroke', MAIN).attr('stroke-width', 3.5);
  const dots = (g: typeof left, x: typeof x1, y: typeof y1, t: number[], v: number[], colour: string) => {
    // Thinned by distance on screen, so fast transitions keep their dots and plateaus do not crowd.
    let lastX = -Infinity, lastY = -Infinity;
    t.forEach((tk, k) => {
      if (tk > tCut + 1e-12 || !finite(tk, v[k])) return;
      const cx = x(tk), cy = y(v[k]);
      if (Math.hypot(cx - lastX, cy - lastY) < DOT_SPACING) return;
      lastX = cx; lastY = cy;
      g.append('circle').attr('cx', px(cx)).attr('cy', px(cy)).attr('r', 3.6).attr('fill', '#fff').attr('stroke', colour).attr('stroke-width', 1.8);
    });
  };
  dots(left, x1, y1, d.net.t, d.net.fy, ink);

  // Legend in the empty lower right of the left panel (every curve is above 0.85 there).
  const legend = [
    { colour: MAIN, width: 3.5, text: `γ₀ = ${fmtGamma(d.gamma0)}`, dot: false },
    { colour: ink, width: 0, text: `network, N = ${d.N}`, dot: true },
    ...d.family.map((c, i) => ({ colour: FAMILY_COLOURS[i], width: 2, text: `γ₀ = ${fmtGamma(c.gamma0)}${c.gamma0 <= 0.1 ? ' (≈ lazy)' : ''}`, dot: false })),
  ];
  const lx = x1(1.02), ly = y1(0.62);
  legend.forEach((e, k) => {
    const yy = ly + k * 21;
    if (e.dot) left.append('circle').attr('cx', lx + 14).attr('cy', yy).attr('r', 3.6).attr('fill', '#fff').attr('stroke', e.colour).attr('stroke-width', 1.8);
    else left.append('line').attr('x1', lx).attr('x2', lx + 28).attr('y1', yy).attr('y2', yy).attr('stroke', e.colour).attr('stroke-width', e.width);
    left.append('text').attr('x', lx + 36).attr('y', yy + 5).attr('font-size', 14).attr('fill', ink).text(e.text);
  });

  // Right: the feature kernel along the target and in the other directions, with the closed-form limit.
  const netMax = Math.max(0, ...d.net.phiYY.filter(Number.isFinite));
  const yMax = Math.max(2, 1.35 * d.phiLimit, 1.05 * netMax);
  const x2 = scaleLinear().domain([0, d.T]).range([PANELS[1].x0, PANELS[1].x1]).clamp(true);
  const y2 = scaleLinear().domain([0, yMax]).range([BOTTOM, TOP]).nice(4).clamp(true);
  const right = root.append('g');
  drawAxes(right, x2, y2, { x: 'time t', y: 'kernel entry' }, { xTicks: [0, 0.5, 1, 1.5, 2], yTicks: y2.ticks(5) });
  if (Number.isFinite(d.phiLimit)) {
    right.append('line').attr('x1', x2(0)).attr('x2', x2(d.T)).attr('y1', px(y2(d.phiLimit))).attr('y2', px(y2(d.phiLimit)))
      .attr('stroke', muted).attr('stroke-width', 1.5).attr('stroke-dasharray', '8 5');
  }
  right.append('path').attr('d', path(x2, y2, d.t, d.phiPerp)).attr('fill', 'none').attr('stroke', muted).attr('stroke-width', 2.5);
  right.append('path').attr('d', path(x2, y2, d.t, d.phiYY)).attr('fill', 'none').attr('stroke', MAIN).attr('stroke-width', 3.5);
  dots(right, x2, y2, d.net.t, d.net.phiPerp, muted);
  dots(right, x2, y2, d.net.t, d.net.phiYY, ink);
  const rl = [
    { colour: MAIN, dash: null as string | null, text: 'ŷᵀΦŷ (along the target)' },
    { colour: muted, dash: null, text: 'Φ in other directions' },
    { colour: muted, dash: '8 5', text: `√(1 + γ₀²‖y‖²) = ${d.phiLimit.toFixed(d.phiLimit < 1.1 ? 4 : 2)}` },
  ];
  const rx = x2(0.62), ry = TOP + 12;
  rl.forEach((e, k) => {
    const yy = ry + k * 21;
    const l = right.append('line').attr('x1', rx).attr('x2', rx + 28).attr('y1', yy).attr('y2', yy).attr('stroke', e.colour).attr('stroke-width', e.dash ? 1.5 : 3);
    if (e.dash) l.attr('stroke-dasharray', e.dash);
    right.append('text').attr('x', rx + 36).attr('y', yy + 5).attr('font-size', 14).attr('fill', ink).text(e.text);
  });

  drawPanelTitles(root, PANELS);
  const foot = d.netDiverged
    ? `network stopped at step ${d.netDiverged.step} (t = ${d.netDiverged.t.toFixed(2)}): ${d.netDiverged.reason}`
    : `lines: DMFT (N → ∞); dots: one network of width N = ${d.N}, gradient descent, seed ${d.seed}`;
  root.append('text').attr('x', PANELS[0].x0).attr('y', H - 4).attr('font-size', 14).attr('fill', d.netDiverged ? palette[1] : muted).text(foot);
}

function describe(d: DmftLinearData): string {
  const shape = isSigmoidal(d.gamma0, d.targetNorm)
    ? `sigmoidal: it accelerates as the kernel grows, since γ₀‖y‖ = ${(d.gamma0 * d.targetNorm).toPrecision(3)} exceeds 2√2`
    : `concave from the start, like the lazy exponential ‖y‖(1 − e^{−2t}), since γ₀‖y‖ = ${(d.gamma0 * d.targetNorm).toPrecision(3)} is below 2√2`;
  const fam = d.family.map((c) => `γ₀ = ${fmtGamma(c.gamma0)}`).join(', ');
  const net = d.netDiverged
    ? `The width-${d.N} network stopped at step ${d.netDiverged.step}: ${d.netDiverged.reason}.`
    : `A network of width N = ${d.N} (seed ${d.seed}, mirrored Gaussian start, gradient descent with step ${d.eta.toPrecision(2)}) stays within ${d.netGapF.toFixed(3)} of the DMFT output and ends ${(100 * d.netGapPhiFinal).toFixed(1)}% away from its kernel.`;
  return `Dynamical mean-field theory of a two-layer linear network in the mean-field parametrisation, ${d.P} whitened inputs, target of norm ${d.targetNorm}, computed by the course engine. ` +
    `Left: the output along the target, ŷ·f(t)/‖y‖, for ${fam} and, highlighted, γ₀ = ${fmtGamma(d.gamma0)}, whose curve is ${shape}; it is half-way at t = ${d.halfTime.toFixed(3)}. ` +
    `The DMFT curves equal lecture 1's λ-law with λ = 2/γ₀ in the time γ₀t to ${d.maxClosedDeviation.toExponential(0)}. ` +
    `Right: the feature kernel along the target grows from 1 to ${d.phiYY.at(-1)?.toFixed(3)} by t = ${d.T}, towards the closed form √(1 + γ₀²‖y‖²) = ${d.phiLimit.toFixed(3)}, while the other directions stay at ${d.phiPerp.at(-1)?.toFixed(3)}. ${net}`;
}

/** Bordelon & Pehlevan (2022), two-layer linear network with whitened data; finite width simulated alongside. */
export const dmftLinear: FigureSpec<DmftLinearData> = {
  name: 'dmft-linear',
  title: 'DMFT of a two-layer linear network: output and feature kernel as the feature-learning strength γ₀ grows',
  width: W,
  height: H,
  controls: [
    { name: 'log10gamma0', label: 'feature-learning strength γ₀ (log scale)', min: -1.3, max: 1.3, step: 0.1, value: 1, format: (v) => fmtGamma(gammaFromSlider(v)) },
    { name: 'log2N', label: 'network width N (log scale)', min: 5, max: 10, step: 1, value: 9, format: (v) => String(2 ** Math.round(v)) },
  ],
  compute,
  draw,
  describe,
};

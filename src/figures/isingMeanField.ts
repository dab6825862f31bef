import { line, scaleLinear, type ScaleLinear, type Selection } from 'd3';
import type { Trajectory } from '../engine/index.ts';
import type { EngineHost, FigureSpec } from './FigureSpec.ts';
import { drawAxes, decadeTicks } from './axes.ts';
import { palette, ink, muted } from './palette.ts';
import { powerOfTen, px } from './format.ts';
import { plotRoot, drawPanelTitles } from './plotFrame.ts';

/** A stationary point of the mean-field free energy, as the engine's sweeps (minima) or its grid (maximum) give it. */
export interface IsingPoint { m: number; F: number }

/** A first-order jump of one sweep branch between two neighbouring grid values of the field, in sweep order. */
export interface IsingJump { from: number; to: number; mBefore: number; mAfter: number }

export interface IsingMeanFieldData {
  T: number;
  B: number;
  q: number;
  J: number;
  /** Critical temperature qJ, as the engine reports it. */
  Tc: number;
  /** F(m) on a grid of m at the current (T, B): engine `ising-mf`, `landscape` series. */
  landscape: { m: number[]; F: number[] };
  /** The lower free-energy solution of m = tanh((qJm + B)/T) reached by the field sweeps at this B. */
  equilibrium: IsingPoint;
  /** The other sweep branch when it sits in a distinct minimum (hysteresis region), else null. */
  metastable: IsingPoint | null;
  /** True when the two minima have equal free energy (B = 0 below Tc): two coexisting equilibria. */
  coexist: boolean;
  /** The local maximum of F between the two minima on the engine's grid (the unstable solution), else null. */
  barrier: IsingPoint | null;
  /** Field swept up and down at the current T (each point starts from the previous state). */
  bSweep: { B: number[]; mUp: number[]; mDown: number[]; mEq: number[]; maxGap: number; jumpUp: IsingJump | null; jumpDown: IsingJump | null };
  /** Temperature swept at the current B: equilibrium magnetisation and susceptibility χ = ∂m/∂B. */
  tSweep: { T: number[]; mEq: number[]; chi: number[] };
  /** Engine divergence reports, if any run stopped early (none is expected for this model). */
  diverged: string[];
}

const W = 900;
const H = 460;
const Q = 4;
const J = 1;
const B_RANGE = 2.5;
const B_POINTS = 501;
const T_FROM = 1;
const T_TO = 6;
const T_POINTS = 501;
const GRID = 401;
/** The engine caps χ at this value where 1/F''(m) is infinite (T = Tc, B = 0). */
const CHI_CAP = 1e12;
/** Below this gap between the two sweep branches there is no hysteresis loop to show (critical slowing of the solver at Tc leaves ≈ 5e-3). */
const LOOP_GAP = 0.01;
const TOP = 62;
const BOTTOM = 350;
const C_TOP_BOTTOM = 165;
const C_BOTTOM_TOP = 218;
const PANELS = [
  { x0: 80, x1: 300, title: 'Free energy F(m)' },
  { x0: 385, x1: 605, title: '' },
  { x0: 690, x1: 885, title: '' },
];
const COLOUR_UP = palette[0];
const COLOUR_DOWN = palette[1];
const COLOUR_T = palette[2];

/** Snaps a slider value to its decimal grid, so 1 + 30·0.1 is exactly 4 (T = Tc must hit the critical point). */
const snap = (v: number) => Math.round(v * 1e6) / 1e6;
const minus = (text: string) => text.replace(/^-/, '−');
const fmtT = (v: number) => v.toFixed(1);
const fmtB = (v: number) => minus(v.toFixed(2));
/** Magnetisation for text; |m| < 0.005 is the solver's residue at Tc (exact value 0), written ≈ 0. */
const fmtM = (v: number) => (Math.abs(v) < 0.005 ? '≈ 0' : minus(v.toFixed(3)));
/** "= 0.271", or "≈ 0" for the solver's residue at Tc. */
const atM = (v: number) => (Math.abs(v) < 0.005 && v !== 0 ? '≈ 0' : `= ${v === 0 ? '0' : fmtM(v)}`);

function findJump(c: number[], m: number[], increasing: boolean): IsingJump | null {
  let best = 0;
  let k0 = -1;
  for (let k = 1; k < m.length; k++) {
    const d = Math.abs(m[k] - m[k - 1]);
    if (d > best) { best = d; k0 = k; }
  }
  if (k0 < 0) return null;
  const [a, b] = increasing ? [k0 - 1, k0] : [k0, k0 - 1];
  return { from: c[a], to: c[b], mBefore: m[a], mAfter: m[b] };
}

async function compute(p: Record<string, number>, engine: EngineHost): Promise<IsingMeanFieldData> {
  const T = snap(p.T);
  const B = snap(p.B);
  const [bRun, tRun, fRun] = await Promise.all([
    engine.run({ model: 'ising-mf', q: Q, J, sweep: 'B', from: -B_RANGE, to: B_RANGE, points: B_POINTS, T, landscapePoints: 3 }),
    engine.run({ model: 'ising-mf', q: Q, J, sweep: 'T', from: T_FROM, to: T_TO, points: T_POINTS, B, landscapePoints: 3 }),
    engine.run({ model: 'ising-mf', q: Q, J, sweep: 'B', from: B, to: B, points: 2, T, landscapePoints: GRID }),
  ]);
  const diverged = [bRun, tRun, fRun].flatMap((r: Trajectory) => (r.diverged ? [`stopped at record ${r.diverged.step}: ${r.diverged.reason}`] : []));

  const mUp = bRun.series.mUp as number[];
  const mDown = bRun.series.mDown as number[];
  const fUp = bRun.series.fUp as number[];
  const fDown = bRun.series.fDown as number[];
  const iB = Math.min(bRun.t.length - 1, Math.max(0, Math.round(((B + B_RANGE) / (2 * B_RANGE)) * (B_POINTS - 1))));
  const up = { m: mUp[iB], F: fUp[iB] };
  const down = { m: mDown[iB], F: fDown[iB] };
  const twoMinima = Math.abs(up.m - down.m) > LOOP_GAP;
  const [equilibrium, other] = up.F <= down.F ? [up, down] : [down, up];
  const metastable = twoMinima ? other : null;
  const coexist = twoMinima && Math.abs(up.F - down.F) <= 1e-9;

  const gridM = fRun.final.landscapeM as number[];
  const gridF = (fRun.series.landscape as number[][])[0] ?? [];
  let barrier: IsingPoint | null = null;
  if (metastable) {
    const lo = Math.min(equilibrium.m, metastable.m);
    const hi = Math.max(equilibrium.m, metastable.m);
    let best = -1;
    for (let k = 1; k < gridM.length - 1; k++) {
      if (gridM[k] <= lo || gridM[k] >= hi) continue;
      if (gridF[k] >= gridF[k - 1] && gridF[k] >= gridF[k + 1] && (best < 0 || gridF[k] > gridF[best])) best = k;
    }
    if (best >= 0) barrier = { m: gridM[best], F: gridF[best] };
  }

  const maxGap = bRun.final.maxHysteresisGap as number;
  const loop = maxGap > LOOP_GAP;
  return {
    T, B, q: Q, J, Tc: bRun.final.Tc as number,
    landscape: { m: gridM, F: gridF },
    equilibrium, metastable, coexist, barrier,
    bSweep: {
      B: bRun.t, mUp, mDown, mEq: bRun.series.mEq as number[], maxGap,
      jumpUp: loop ? findJump(bRun.t, mUp, true) : null,
      jumpDown: loop ? findJump(bRun.t, mDown, false) : null,
    },
    tSweep: { T: tRun.t, mEq: tRun.series.mEq as number[], chi: tRun.series.susceptibility as number[] },
    diverged,
  };
}

const finite = (v: number) => Number.isFinite(v);

function pathOf(x: ScaleLinear<number, number>, y: ScaleLinear<number, number>, xs: number[], ys: number[]): string {
  const idx = xs.map((_, k) => k).filter((k) => finite(xs[k]) && finite(ys[k]));
  return line<number>().x((k) => x(xs[k])).y((k) => y(ys[k])).digits(2)(idx) ?? '';
}

function draw(svgNode: SVGSVGElement, d: IsingMeanFieldData, progress: number): void {
  const root = plotRoot(svgNode);

  // (A) The free-energy landscape at the current (T, B), with the solutions of the self-consistency equation.
  const A = PANELS[0];
  const fin = d.landscape.F.filter(finite);
  const fLo = Math.min(...fin);
  const fHi = Math.max(...fin);
  const pad = Math.max(1e-9, 0.06 * (fHi - fLo));
  const xa = scaleLinear().domain([-1, 1]).range([A.x0, A.x1]).clamp(true);
  const ya = scaleLinear().domain([fLo - pad, fHi + pad]).nice(4).range([BOTTOM, TOP]).clamp(true);
  const ga = root.append('g');
  drawAxes(ga, xa, ya, { x: 'magnetisation m', y: 'F(m) per spin' }, { xTicks: [-1, -0.5, 0, 0.5, 1], yTicks: ya.ticks(4), yFormat: ya.tickFormat(4) });
  ga.append('path').attr('d', pathOf(xa, ya, d.landscape.m, d.landscape.F)).attr('fill', 'none').attr('stroke', ink).attr('stroke-width', 2.5);
  if (d.barrier) {
    const bx = px(xa(d.barrier.m));
    const by = px(ya(d.barrier.F));
    ga.append('path').attr('d', `M${bx},${px(by - 8)}L${px(bx + 7)},${px(by + 5)}L${px(bx - 7)},${px(by + 5)}Z`).attr('fill', '#fff').attr('stroke', muted).attr('stroke-width', 2);
  }
  if (d.metastable) {
    ga.append('circle').attr('cx', px(xa(d.metastable.m))).attr('cy', px(ya(d.metastable.F))).attr('r', 7).attr('fill', d.coexist ? palette[3] : '#fff').attr('stroke', d.coexist ? '#fff' : palette[3]).attr('stroke-width', d.coexist ? 1.5 : 3);
  }
  ga.append('circle').attr('cx', px(xa(d.equilibrium.m))).attr('cy', px(ya(d.equilibrium.F))).attr('r', 7).attr('fill', palette[3]).attr('stroke', '#fff').attr('stroke-width', 1.5);

  // (B) The field swept up and down at the current T: two branches, a loop below Tc.
  const Bp = PANELS[1];
  const xb = scaleLinear().domain([-B_RANGE, B_RANGE]).range([Bp.x0, Bp.x1]).clamp(true);
  const yb = scaleLinear().domain([-1, 1]).range([BOTTOM, TOP]).clamp(true);
  const gb = root.append('g');
  drawAxes(gb, xb, yb, { x: 'field B', y: 'magnetisation m' }, { xTicks: [-2, -1, 0, 1, 2], yTicks: [-1, -0.5, 0, 0.5, 1] });
  const n = d.bSweep.B.length;
  const upCut = Math.round(Math.min(1, 2 * progress) * (n - 1));
  const downCut = Math.round(Math.max(0, 2 * progress - 1) * (n - 1));
  const all = d.bSweep.B.map((_, k) => k);
  const upIdx = all.filter((k) => k <= upCut);
  const downIdx = all.filter((k) => k >= n - 1 - downCut);
  const sub = (xs: number[], idx: number[]) => idx.map((k) => xs[k]);
  gb.append('path').attr('d', pathOf(xb, yb, d.bSweep.B, d.bSweep.mEq)).attr('fill', 'none').attr('stroke', muted).attr('stroke-width', 1.5).attr('stroke-dasharray', '3 4');
  if (downIdx.length > 1) gb.append('path').attr('d', pathOf(xb, yb, sub(d.bSweep.B, downIdx), sub(d.bSweep.mDown, downIdx))).attr('fill', 'none').attr('stroke', COLOUR_DOWN).attr('stroke-width', 3);
  if (upIdx.length > 1) gb.append('path').attr('d', pathOf(xb, yb, sub(d.bSweep.B, upIdx), sub(d.bSweep.mUp, upIdx))).attr('fill', 'none').attr('stroke', COLOUR_UP).attr('stroke-width', 3).attr('stroke-dasharray', d.bSweep.jumpUp ? null : '10 6');
  for (const [jump, colour] of [[d.bSweep.jumpUp, COLOUR_UP], [d.bSweep.jumpDown, COLOUR_DOWN]] as const) {
    if (!jump) continue;
    const xj = px(xb((jump.from + jump.to) / 2));
    gb.append('line').attr('x1', xj).attr('x2', xj).attr('y1', px(yb(jump.mBefore))).attr('y2', px(yb(jump.mAfter))).attr('stroke', colour).attr('stroke-width', 1.5).attr('stroke-dasharray', '2 3');
  }
  const xB = px(xb(d.B));
  gb.append('line').attr('x1', xB).attr('x2', xB).attr('y1', TOP).attr('y2', BOTTOM).attr('stroke', muted).attr('stroke-width', 1);
  gb.append('circle').attr('cx', xB).attr('cy', px(yb(d.equilibrium.m))).attr('r', 5.5).attr('fill', palette[3]);
  if (d.metastable) gb.append('circle').attr('cx', xB).attr('cy', px(yb(d.metastable.m))).attr('r', 5.5).attr('fill', d.coexist ? palette[3] : '#fff').attr('stroke', palette[3]).attr('stroke-width', 2.5);
  const loopNote = d.bSweep.jumpUp && d.bSweep.jumpDown
    ? `jumps at B ≈ ${minus(((d.bSweep.jumpDown.from + d.bSweep.jumpDown.to) / 2).toFixed(3))} and ${minus(((d.bSweep.jumpUp.from + d.bSweep.jumpUp.to) / 2).toFixed(3))}`
    : `no loop: T ≥ Tc = ${fmtT(d.Tc)}`;
  gb.append('text').attr('x', (Bp.x0 + Bp.x1) / 2).attr('y', 48).attr('text-anchor', 'middle').attr('font-size', 14).attr('fill', muted).text(loopNote);

  // (C) The temperature swept at the current B: equilibrium m (top) and susceptibility on a log axis (bottom).
  const C = PANELS[2];
  const nT = d.tSweep.T.length;
  const tIdx = d.tSweep.T.map((_, k) => k).filter((k) => k <= Math.round(progress * (nT - 1)));
  const xc = scaleLinear().domain([T_FROM, T_TO]).range([C.x0, C.x1]).clamp(true);
  const yc = scaleLinear().domain([-1, 1]).range([C_TOP_BOTTOM, TOP]).clamp(true);
  const gc = root.append('g');
  drawAxes(gc, xc, yc, { x: '', y: 'equilibrium m' }, { xTicks: [1, 2, 3, 4, 5, 6], yTicks: [-1, 0, 1], yFormat: (v) => minus(String(v)) });
  gc.append('path').attr('d', pathOf(xc, yc, sub(d.tSweep.T, tIdx), sub(d.tSweep.mEq, tIdx))).attr('fill', 'none').attr('stroke', COLOUR_T).attr('stroke-width', 3);

  const iT = Math.min(nT - 1, Math.max(0, Math.round(((d.T - T_FROM) / (T_TO - T_FROM)) * (nT - 1))));
  const logChi = d.tSweep.chi.map((c) => (c > 0 && finite(c) ? Math.log10(c) : NaN));
  const onScale = logChi.filter((v, k) => finite(v) && d.tSweep.chi[k] < CHI_CAP);
  const lo = Math.floor(Math.min(...onScale, 0));
  const hi = Math.max(lo + 2, Math.min(lo + 10, Math.ceil(Math.max(...onScale, lo) + 1e-9) + 1));
  const yx = scaleLinear().domain([lo, hi]).range([BOTTOM, C_BOTTOM_TOP]).clamp(true);
  const gx = root.append('g');
  const every = hi - lo > 5 ? 2 : 1;
  drawAxes(gx, xc, yx, { x: 'temperature T', y: 'χ (log)' }, { xTicks: [1, 2, 3, 4, 5, 6], yTicks: decadeTicks(lo, hi).filter((e) => (e - lo) % every === 0), yFormat: powerOfTen });
  gx.append('path').attr('d', pathOf(xc, yx, sub(d.tSweep.T, tIdx), sub(logChi, tIdx))).attr('fill', 'none').attr('stroke', COLOUR_T).attr('stroke-width', 2.5);
  // Values above the axis (χ infinite at Tc, B = 0, where the engine caps it) are marked at the top edge, not hidden.
  const off = tIdx.filter((k) => logChi[k] > hi);
  const offKey = gx.append('g').attr('class', 'key');
  for (const k of off) {
    const x = px(xc(d.tSweep.T[k]));
    offKey.append('path').attr('d', `M${x},${C_BOTTOM_TOP - 10}L${px(x + 6)},${C_BOTTOM_TOP + 1}L${px(x - 6)},${C_BOTTOM_TOP + 1}Z`).attr('fill', COLOUR_T);
  }
  if (off.length > 0) {
    const k = off[0];
    const label = d.tSweep.chi[k] >= CHI_CAP ? 'χ = ∞' : 'off scale';
    gx.append('text').attr('x', px(xc(d.tSweep.T[k]) - 10)).attr('y', C_BOTTOM_TOP + 4).attr('text-anchor', 'end').attr('font-size', 14).attr('fill', COLOUR_T).text(label);
  }
  const xT = px(xc(d.T));
  gc.append('line').attr('x1', xT).attr('x2', xT).attr('y1', TOP).attr('y2', C_TOP_BOTTOM).attr('stroke', muted).attr('stroke-width', 1);
  gx.append('line').attr('x1', xT).attr('x2', xT).attr('y1', C_BOTTOM_TOP).attr('y2', BOTTOM).attr('stroke', muted).attr('stroke-width', 1);
  if (iT <= tIdx[tIdx.length - 1] && finite(d.tSweep.mEq[iT])) gc.append('circle').attr('cx', xT).attr('cy', px(yc(d.tSweep.mEq[iT]))).attr('r', 5).attr('fill', COLOUR_T);
  if (iT <= tIdx[tIdx.length - 1] && finite(logChi[iT])) gx.append('circle').attr('cx', xT).attr('cy', px(yx(logChi[iT]))).attr('r', 5).attr('fill', COLOUR_T);

  drawPanelTitles(root, [
    { ...A, title: `F(m) at T = ${fmtT(d.T)}, B = ${fmtB(d.B)}` },
    { ...Bp, title: `Field sweep at T = ${fmtT(d.T)}` },
    { ...C, title: `T sweep at B = ${fmtB(d.B)}` },
  ], 17);

  // One legend row for the markers of panels A and B and the line styles of panel B. Tagged `legend-row`, one
  // group per entry, so a narrow screen can flow the entries onto several lines (narrowLayout.ts).
  const yL = H - 12;
  let x = A.x0 - 40;
  const legend = root.append('g').attr('class', 'legend-row');
  type Item = Selection<SVGGElement, unknown, null, undefined>;
  const item = (mark: (g: Item, x: number) => void, text: string, width: number) => {
    const g = legend.append('g').attr('class', 'legend-item');
    mark(g, x);
    g.append('text').attr('x', x + 14).attr('y', yL).attr('font-size', 14).attr('fill', ink).text(text);
    x += width;
  };
  item((g, x0) => g.append('circle').attr('cx', x0).attr('cy', yL - 5).attr('r', 6).attr('fill', palette[3]), 'lowest minimum', 165);
  item((g, x0) => g.append('circle').attr('cx', x0).attr('cy', yL - 5).attr('r', 6).attr('fill', '#fff').attr('stroke', palette[3]).attr('stroke-width', 2.5), 'metastable', 120);
  item((g, x0) => g.append('path').attr('d', `M${x0},${yL - 12}L${x0 + 7},${yL + 1}L${x0 - 7},${yL + 1}Z`).attr('fill', '#fff').attr('stroke', muted).attr('stroke-width', 2), 'unstable (barrier)', 185);
  const seg = (colour: string, dash: string | null, w: number) => (g: Item, x0: number) => g.append('line').attr('x1', x0 - 12).attr('x2', x0 + 8).attr('y1', yL - 5).attr('y2', yL - 5).attr('stroke', colour).attr('stroke-width', w).attr('stroke-dasharray', dash);
  item(seg(COLOUR_UP, null, 3), 'B increasing', 140);
  item(seg(COLOUR_DOWN, null, 3), 'B decreasing', 145);
  item(seg(muted, '3 4', 1.5), 'equilibrium', 100);
  if (d.diverged.length > 0) root.append('text').attr('x', W / 2).attr('y', H / 2).attr('text-anchor', 'middle').attr('font-size', 16).attr('fill', palette[1]).text(`engine ${d.diverged[0]}`);
}

function describe(d: IsingMeanFieldData): string {
  const state = d.metastable
    ? (d.coexist
      ? `the free energy per spin has two minima of equal depth, at m = ${fmtM(d.equilibrium.m)} and ${fmtM(d.metastable.m)}`
      : `the free energy per spin has two minima, the lower at m = ${fmtM(d.equilibrium.m)} and a metastable one at m = ${fmtM(d.metastable.m)}`) +
      (d.barrier ? `, separated by a barrier (the unstable solution) at m ${atM(d.barrier.m)}` : ', separated by a barrier narrower than the grid')
    : `the free energy per spin has a single minimum, at m ${atM(d.equilibrium.m)}`;
  const s = d.bSweep;
  const sweep = s.jumpUp && s.jumpDown
    ? `Sweeping the field from −${B_RANGE} to ${B_RANGE} and back at this temperature traces a hysteresis loop: the increasing sweep stays on its branch until it jumps between B = ${fmtB(s.jumpUp.from)} and ${fmtB(s.jumpUp.to)}, the decreasing sweep jumps between B = ${fmtB(s.jumpDown.from)} and ${fmtB(s.jumpDown.to)}; the largest gap between the branches is ${s.maxGap.toFixed(2)}.`
    : `Sweeping the field from −${B_RANGE} to ${B_RANGE} and back at this temperature gives the same curve both ways (largest gap ${s.maxGap.toExponential(1)}): no hysteresis at or above Tc.`;
  const t = d.tSweep;
  const capped = t.chi.map((c, k) => [c, k] as const).filter(([c]) => c >= CHI_CAP).map(([, k]) => t.T[k]);
  const finiteChi = t.chi.map((c, k) => [c, k] as const).filter(([c]) => c < CHI_CAP);
  const [peak, kPeak] = finiteChi.reduce((a, b) => (b[0] > a[0] ? b : a), [0, 0] as readonly [number, number]);
  const chiText = capped.length > 0
    ? `the equilibrium magnetisation falls continuously to zero at T = ${capped.map(fmtT).join(', ')} = Tc, where the susceptibility χ = ∂m/∂B is infinite (drawn off scale; the engine caps it at 10¹²); next to it on the grid χ reaches ${peak.toPrecision(3)} at T = ${t.T[kPeak].toFixed(2)}.`
    : `the equilibrium magnetisation changes smoothly and the susceptibility χ = ∂m/∂B has a finite, rounded maximum ${peak.toPrecision(3)} at T = ${t.T[kPeak].toFixed(2)}: no transition.`;
  return `Mean-field Ising model with q = ${d.q} neighbours and coupling J = ${d.J}, so Tc = qJ = ${d.Tc}, computed by the course engine. At T = ${fmtT(d.T)} and B = ${fmtB(d.B)} ${state}. ${sweep} ` +
    `Temperature swept from ${T_FROM} to ${T_TO} at B = ${fmtB(d.B)}: ${chiText}`;
}

/** The mean-field (Curie–Weiss) Ising model: free-energy landscape, first-order field sweeps, continuous transition at Tc. */
export const isingMeanField: FigureSpec<IsingMeanFieldData> = {
  name: 'ising-mean-field',
  title: 'Mean-field Ising model: free-energy landscape, hysteresis in a field sweep, and the transition at Tc',
  width: W,
  height: H,
  controls: [
    { name: 'T', label: 'temperature T', min: 1, max: 6, step: 0.1, value: 2, format: fmtT },
    { name: 'B', label: 'field B', min: -2.5, max: 2.5, step: 0.05, value: 0, format: fmtB },
  ],
  compute,
  draw,
  describe,
};

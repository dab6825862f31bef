import { line, scaleLinear, type Selection } from 'd3';
import type { Trajectory } from '../engine/index.ts';
import type { EngineHost, FigureSpec } from './FigureSpec.ts';
import { drawAxes, decadeTicks } from './axes.ts';
import { palette, ink, muted } from './palette.ts';
import { powerOfTen, px } from './format.ts';
import { plotRoot, drawPanelTitles } from './plotFrame.ts';

/**
 * Silent alignment (Atanasov, Bordelon & Pehlevan 2022) in the smallest network that shows it: f(x) = W₂W₁x with
 * d inputs, N hidden units and one output, a linear teacher y = β⋆·x of norm s, whitened (population) data and a
 * small random Gaussian start of per-weight standard deviation σ₀, trained by gradient flow.
 *
 * Closed-form estimates (derived for the course, see the speaker notes of the slide):
 * - early phase (β ≈ 0): the expected NTK is Nσ₀²[(c + 1)I + (c − 1)vvᵀ] with c = cosh 2st and v = β⋆/s, so the
 *   kernel–task alignment is A(c) = 2c / √((d + 3)c² + (2d − 2)c + (d − 1)), from 1/√d to 2/√(d + 3), a function of
 *   st alone: t₁ = arccosh(c⋆)/(2s), with c⋆ where A has covered 90% of its rise;
 * - the aligned mode then follows Saxe's logistic u̇ = 2u(s − u) from the effective start u_eff = Nσ₀²/2, so the loss
 *   ½(s − u)² halves at t₂ = ln[(√2 − 1)(s/u_eff − 1)]/(2s).
 */

export interface SilentAlignmentData {
  log10sigma: number;
  s: number;
  d: number;
  N: number;
  seed: number;
  /** Engine gradient flow: time, kernel–task alignment, loss / initial loss, NTK norm / final NTK norm. */
  t: number[];
  alignment: number[];
  loss: number[];
  kernelSize: number[];
  /** Measured time scales: alignment at 90% of its rise, loss at half its initial value (NaN if not reached). */
  t1: number;
  t2: number;
  /** Loss / initial loss and kernel size / final size at t₁. */
  lossAtT1: number;
  kernelAtT1: number;
  /** Closed-form estimates of t₁ and t₂, and the closed-form loss curve (loss / initial loss) at log-spaced times. */
  t1Closed: number;
  t2Closed: number;
  closedLoss: { t: number[]; loss: number[] };
  /** Run stopped early: the engine's reason and the last time drawn. */
  diverged: null | { step: number; reason: string; tLast: number };
  /** One shorter engine run per decade of σ₀ (same s): the two measured time scales, and the closed forms. */
  sweep: { log10sigma: number[]; t1: number[]; t2: number[]; t2Closed: number[] };
}

const W = 900;
const H = 440;
const D_IN = 6;
const N_HIDDEN = 12;
const SEED = 0;
const LOG_T: [number, number] = [-2, 1.5];
const T_MAIN = 10 ** LOG_T[1];
const RECORDS = 2000;
const SWEEP = [-6, -5, -4, -3, -2, -1];
const TOP = 50;
const BOTTOM = 350;
const PANELS = [
  { x0: 90, x1: 545, title: 'Alignment first, loss later' },
  { x0: 665, x1: 880, title: 'Time scales against σ₀' },
];
const ALIGN = palette[0];
const LOSS = palette[1];
const KERNEL = palette[2];

const scenario = (log10sigma: number, s: number, T: number, records: number) => ({
  model: 'dln', seed: SEED, widths: [D_IN, N_HIDDEN, 1], teacher: { singularValues: [s], basis: 'random' },
  init: { kind: 'gaussian', sigma: 10 ** log10sigma }, optimizer: { kind: 'flow' }, T, records, ntk: true,
});

/** Effective initial strength of the aligned mode, E‖(W₁v + W₂ᵀ)/2‖² = Nσ₀²/2. */
export const effectiveStart = (log10sigma: number, N = N_HIDDEN): number => (N * 10 ** (2 * log10sigma)) / 2;

/** Closed-form loss half-time: the logistic from u_eff reaches u = s(1 − 1/√2), where ½(s − u)² = ¼s². */
export function lossHalfTime(s: number, log10sigma: number, N = N_HIDDEN): number {
  const ratio = s / effectiveStart(log10sigma, N) - 1;
  const arg = (Math.SQRT2 - 1) * ratio;
  return arg > 1 ? Math.log(arg) / (2 * s) : 0;
}

/** Expected-kernel alignment in the early phase, A(c) with c = cosh 2st. */
export function earlyAlignment(c: number, d = D_IN): number {
  return (2 * c) / Math.sqrt((d + 3) * c * c + (2 * d - 2) * c + (d - 1));
}

/** Closed-form alignment time: A(c) covers `fraction` of its rise from 1/√d to 2/√(d + 3) at c = cosh 2st₁. */
export function alignmentTime(s: number, d = D_IN, fraction = 0.9): number {
  const a0 = 1 / Math.sqrt(d), aInf = 2 / Math.sqrt(d + 3);
  const a = a0 + fraction * (aInf - a0);
  // 4c² = a²((d + 3)c² + (2d − 2)c + (d − 1)), the positive root.
  const qa = 4 - a * a * (d + 3), qb = -a * a * (2 * d - 2), qc = -a * a * (d - 1);
  const c = (-qb + Math.sqrt(qb * qb - 4 * qa * qc)) / (2 * qa);
  return Math.acosh(c) / (2 * s);
}

/** First time the sampled curve satisfies `reached`, linearly interpolated in the quantity between records. */
function crossing(t: number[], v: number[], level: number, above: boolean): number {
  const k = v.findIndex((x) => (above ? x >= level : x <= level));
  if (k < 0) return NaN;
  if (k === 0) return t[0];
  const f = (level - v[k - 1]) / (v[k] - v[k - 1]);
  return t[k - 1] + (Number.isFinite(f) ? f : 1) * (t[k] - t[k - 1]);
}

/** Value of a sampled curve at time τ (linear interpolation; NaN outside the run). */
function valueAt(t: number[], v: number[], tau: number): number {
  if (!Number.isFinite(tau) || !t.length || tau > t[t.length - 1]) return NaN;
  const k = t.findIndex((x) => x >= tau);
  if (k <= 0) return v[0];
  return v[k - 1] + ((tau - t[k - 1]) / (t[k] - t[k - 1])) * (v[k] - v[k - 1]);
}

/**
 * ‖K_t‖/‖K_0‖ from the engine's two kernel series: with c = ‖K_t − K_0‖/‖K_0‖ and cos θ = 1 − kernelDistance,
 * c² = r² − 2r cos θ + 1, so r = cos θ + √(cos²θ − 1 + c²) (the root with r ≥ cos θ: the kernel grows here).
 */
export function kernelNormRatio(ntkChange: number, kernelDistance: number): number {
  const cos = 1 - kernelDistance;
  return cos + Math.sqrt(Math.max(0, cos * cos - 1 + ntkChange * ntkChange));
}

interface Measured { t: number[]; alignment: number[]; loss: number[]; kernelSize: number[]; t1: number; t2: number }

function measure(run: Trajectory): Measured {
  const t = run.t;
  const A = (run.series.ntkAlignment ?? []) as number[];
  const L = (run.series.loss ?? []) as number[];
  const ch = (run.series.ntkChange ?? []) as number[];
  const kd = (run.series.kernelDistance ?? []) as number[];
  const L0 = L[0];
  const loss = L.map((l) => l / L0);
  const ratio = ch.map((c, k) => kernelNormRatio(c, kd[k]));
  const rEnd = ratio[ratio.length - 1];
  const kernelSize = ratio.map((r) => r / rEnd);
  const A0 = A[0], AEnd = A[A.length - 1];
  // Alignment time only when the alignment really rises (it does for every slider position; a guard, not a case).
  const t1 = AEnd - A0 > 0.02 ? crossing(t, A, A0 + 0.9 * (AEnd - A0), true) : NaN;
  const t2 = crossing(t, loss, 0.5, false);
  return { t, alignment: A, loss, kernelSize, t1, t2 };
}

// The sweep depends on s only: keep it, so moving the σ₀ slider costs one run. Results are deterministic.
const sweepCache = new Map<number, SilentAlignmentData['sweep']>();

async function sweepFor(s: number, engine: EngineHost): Promise<SilentAlignmentData['sweep']> {
  const hit = sweepCache.get(s);
  if (hit) return hit;
  // Same duration as the main run, so "final alignment" means the same thing; 400 records are enough to read t₁ and t₂.
  const runs = await Promise.all(SWEEP.map((l) => engine.run(scenario(l, s, T_MAIN, 400))));
  const rows = runs.map(measure);
  const out = { log10sigma: SWEEP, t1: rows.map((r) => r.t1), t2: rows.map((r) => r.t2), t2Closed: SWEEP.map((l) => lossHalfTime(s, l)) };
  sweepCache.set(s, out);
  return out;
}

async function compute(p: Record<string, number>, engine: EngineHost): Promise<SilentAlignmentData> {
  const { log10sigma, s } = p;
  const [run, sweep] = await Promise.all([engine.run(scenario(log10sigma, s, T_MAIN, RECORDS)), sweepFor(s, engine)]);
  const m = measure(run);
  const uEff = effectiveStart(log10sigma);
  const ct = Array.from({ length: 61 }, (_, k) => 10 ** (LOG_T[0] + ((LOG_T[1] - LOG_T[0]) * k) / 60));
  const closedLoss = {
    t: ct,
    loss: ct.map((t) => {
      const u = s / (1 + (s / uEff - 1) * Math.exp(-2 * s * t));
      return ((s - u) / (s - uEff)) ** 2;
    }),
  };
  return {
    log10sigma, s, d: D_IN, N: N_HIDDEN, seed: SEED, ...m,
    lossAtT1: valueAt(m.t, m.loss, m.t1), kernelAtT1: valueAt(m.t, m.kernelSize, m.t1),
    t1Closed: alignmentTime(s), t2Closed: lossHalfTime(s, log10sigma), closedLoss,
    diverged: run.diverged ? { ...run.diverged, tLast: m.t[m.t.length - 1] ?? 0 } : null,
    sweep,
  };
}

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : 'not reached');

function draw(svgNode: SVGSVGElement, d: SilentAlignmentData, progress: number): void {
  const root = plotRoot(svgNode);
  const [lo, hi] = LOG_T;
  const tCut = 10 ** (lo + progress * (hi - lo));

  // Left: time courses on a log time axis.
  const x = scaleLinear().domain([lo, hi]).range([PANELS[0].x0, PANELS[0].x1]).clamp(true);
  const y = scaleLinear().domain([0, 1.05]).range([BOTTOM, TOP]).clamp(true);
  const left = root.append('g');
  drawAxes(left, x, y, { x: 'time t (log scale)', y: 'fraction' }, { xTicks: decadeTicks(lo, hi), xFormat: powerOfTen, yTicks: [0, 0.2, 0.4, 0.6, 0.8, 1], yFormat: (v) => v.toFixed(1) });
  const idx = d.t.map((t, k) => [t, k] as const).filter(([t]) => t >= 10 ** lo && t <= tCut).map(([, k]) => k);
  const curve = (values: number[], colour: string, width: number) => {
    const ok = idx.filter((k) => Number.isFinite(values[k]));
    const path = line<number>().x((k) => x(Math.log10(d.t[k]))).y((k) => y(values[k])).digits(2);
    left.append('path').attr('d', path(ok) ?? '').attr('fill', 'none').attr('stroke', colour).attr('stroke-width', width);
  };
  const closed = d.closedLoss.t.map((t, k) => [t, d.closedLoss.loss[k]] as const).filter(([t, v]) => t <= tCut && Number.isFinite(v));
  const dashed = line<readonly [number, number]>().x(([t]) => x(Math.log10(t))).y(([, v]) => y(v)).digits(2);
  left.append('path').attr('d', dashed(closed) ?? '').attr('fill', 'none').attr('stroke', ink).attr('stroke-width', 1.5).attr('stroke-dasharray', '6 4');
  curve(d.loss, LOSS, 3);
  curve(d.kernelSize, KERNEL, 3);
  curve(d.alignment, ALIGN, 3);

  // Curve labels where their curve is flat at every slider position: loss and alignment on the left plateau, the
  // NTK size on its early zero line. A white halo keeps them legible where a steep curve crosses.
  const halo = (sel: Selection<SVGTextElement, unknown, null, undefined>) => sel.attr('stroke', '#fff').attr('stroke-width', 4).attr('paint-order', 'stroke');
  const first = idx[0];
  if (progress >= 1 && first !== undefined) {
    const label = (text: string, colour: string, value: number, below = false) => halo(left.append('text').attr('x', PANELS[0].x0 + 8).attr('y', px(y(value) + (below ? 20 : -8))).attr('font-size', 15).attr('fill', colour).text(text));
    label('loss / initial loss', LOSS, d.loss[first]);
    label('kernel–task alignment', ALIGN, d.alignment[first], true);
    label('NTK size / final size', KERNEL, d.kernelSize[first]);
  }

  // Measured time scales, two label rows so they never collide.
  const marker = (tau: number, colour: string, text: string, level: number) => {
    if (!Number.isFinite(tau) || tau <= 0 || tau > tCut) return;
    const lt = Math.log10(tau);
    if (lt < lo || lt > hi) return;
    const xv = px(x(lt));
    left.append('line').attr('x1', xv).attr('x2', xv).attr('y1', BOTTOM).attr('y2', TOP + 4).attr('stroke', colour).attr('stroke-width', 1.5).attr('stroke-dasharray', '3 4');
    const toRight = xv < PANELS[0].x1 - 120;
    halo(left.append('text').attr('x', toRight ? xv + 5 : xv - 5).attr('y', px(y(level))).attr('text-anchor', toRight ? 'start' : 'end').attr('font-size', 15).attr('fill', colour).text(text));
  };
  marker(d.t1, ALIGN, `t₁ = ${fmt(d.t1)}`, 0.3);
  marker(d.t2, LOSS, `t₂ = ${fmt(d.t2)}`, 0.12);

  if (d.diverged && progress >= 1) {
    left.append('text').attr('x', PANELS[0].x0 + 8).attr('y', TOP + 40).attr('font-size', 15).attr('fill', LOSS)
      .text(`run stopped at step ${d.diverged.step} (t = ${d.diverged.tLast.toFixed(2)}): ${d.diverged.reason}`);
  }

  // Right: the two time scales against σ₀ (engine dots, closed-form lines).
  const xr = scaleLinear().domain([SWEEP[0], SWEEP[SWEEP.length - 1]]).range([PANELS[1].x0, PANELS[1].x1]).clamp(true);
  const finite = [...d.sweep.t2, ...d.sweep.t2Closed, d.t2, d.t2Closed].filter(Number.isFinite);
  const yMax = Math.max(1, ...finite) * 1.1;
  const yr = scaleLinear().domain([0, yMax]).nice(4).range([BOTTOM, TOP]).clamp(true);
  const right = root.append('g');
  drawAxes(right, xr, yr, { x: 'σ₀ (log scale)', y: 'time' }, { xTicks: [-6, -4, -2], xFormat: powerOfTen, yTicks: yr.ticks(4) });
  const grid = Array.from({ length: 21 }, (_, k) => SWEEP[0] + ((SWEEP[SWEEP.length - 1] - SWEEP[0]) * k) / 20);
  const closedT2 = grid.map((l) => [l, lossHalfTime(d.s, l)] as const);
  const closedT1 = grid.map((l) => [l, d.t1Closed] as const);
  const lr = line<readonly [number, number]>().x(([l]) => xr(l)).y(([, v]) => yr(v)).digits(2);
  right.append('path').attr('d', lr(closedT2) ?? '').attr('fill', 'none').attr('stroke', LOSS).attr('stroke-width', 1.5).attr('stroke-dasharray', '6 4');
  right.append('path').attr('d', lr(closedT1) ?? '').attr('fill', 'none').attr('stroke', ALIGN).attr('stroke-width', 1.5).attr('stroke-dasharray', '6 4');
  const dots = (values: number[], colour: string) => d.sweep.log10sigma.forEach((l, k) => {
    if (!Number.isFinite(values[k])) return;
    right.append('circle').attr('cx', px(xr(l))).attr('cy', px(yr(values[k]))).attr('r', 4).attr('fill', '#fff').attr('stroke', colour).attr('stroke-width', 2);
  });
  dots(d.sweep.t2, LOSS);
  dots(d.sweep.t1, ALIGN);
  for (const [tau, colour] of [[d.t2, LOSS], [d.t1, ALIGN]] as const) {
    if (Number.isFinite(tau)) right.append('circle').attr('cx', px(xr(d.log10sigma))).attr('cy', px(yr(tau))).attr('r', 7).attr('fill', colour).attr('stroke', ink).attr('stroke-width', 1);
  }
  right.append('text').attr('x', PANELS[1].x1).attr('y', TOP + 14).attr('text-anchor', 'end').attr('font-size', 15).attr('fill', LOSS).text('t₂ (loss halves)');
  right.append('text').attr('x', PANELS[1].x0 + 6).attr('y', px(yr(d.t1Closed) - 12)).attr('text-anchor', 'start').attr('font-size', 15).attr('fill', ALIGN).text('t₁ (alignment)');

  drawPanelTitles(root, PANELS);
  root.append('text').attr('x', PANELS[0].x0).attr('y', H - 4).attr('font-size', 14).attr('fill', muted)
    .text(`s = ${d.s}, σ₀ = ${powerOfTen(d.log10sigma)}; solid: engine; dashed: closed-form estimates; filled dots: current σ₀`);
}

function describe(d: SilentAlignmentData): string {
  const a0 = d.alignment[0], aEnd = d.alignment[d.alignment.length - 1];
  const silent = Number.isFinite(d.t1) && Number.isFinite(d.t2) && d.t1 < d.t2;
  const phase = silent
    ? `The kernel–task alignment rises from ${a0.toFixed(2)} and has covered 90% of its rise to ${aEnd.toFixed(2)} by t₁ = ${fmt(d.t1)}, ` +
      `when the loss has fallen by only ${(1 - d.lossAtT1).toExponential(1)} of its initial value and the NTK is ${d.kernelAtT1.toExponential(1)} of its final size; ` +
      `the loss halves only at t₂ = ${fmt(d.t2)}. From t₁ on the alignment moves by ${(aEnd - valueAt(d.t, d.alignment, d.t1)).toFixed(2)} while the NTK grows by a factor ${(1 / d.kernelAtT1).toExponential(1)}.`
    : `At this large start there is no silent phase: the alignment reaches 90% of its rise at t = ${fmt(d.t1)} and the loss halves at t = ${fmt(d.t2)}.`;
  const t1s = d.sweep.t1.filter(Number.isFinite), t2s = d.sweep.t2;
  return `Gradient flow of a two-layer linear network f(x) = W₂W₁x (${d.d} inputs, ${d.N} hidden units, one output) on a linear teacher of norm s = ${d.s} with whitened population data, ` +
    `from a random Gaussian start of per-weight standard deviation σ₀ = ${powerOfTen(d.log10sigma)} (seed ${d.seed}), simulated by the course engine, on a logarithmic time axis. ${phase} ` +
    `Closed-form estimates: t₁ ≈ ${d.t1Closed.toFixed(2)} (independent of σ₀) and t₂ ≈ ${d.t2Closed.toFixed(2)}. ` +
    `Across σ₀ from 10⁻⁶ to 10⁻¹ the measured t₁ stays between ${Math.min(...t1s).toFixed(2)} and ${Math.max(...t1s).toFixed(2)} while t₂ falls from ${fmt(t2s[0])} to ${fmt(t2s[t2s.length - 1])}.` +
    (d.diverged ? ` The run stopped early at step ${d.diverged.step}: ${d.diverged.reason}.` : '');
}

/** Atanasov, Bordelon & Pehlevan (2022): the silent alignment effect. */
export const silentAlignment: FigureSpec<SilentAlignmentData> = {
  name: 'silent-alignment',
  title: 'Silent alignment: the tangent kernel of a small two-layer linear network aligns with the task before the loss moves',
  width: W,
  height: H,
  controls: [
    { name: 'log10sigma', label: 'initial scale log₁₀ σ₀', min: -6, max: -1, step: 0.5, value: -4, format: (v) => powerOfTen(v) },
    { name: 's', label: 'teacher norm s', min: 0.5, max: 4, step: 0.5, value: 2, format: (v) => v.toFixed(1) },
  ],
  compute,
  draw,
  describe,
};

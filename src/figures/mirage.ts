import { line, scaleLinear } from 'd3';
import type { EngineHost, FigureSpec } from './FigureSpec.ts';
import { drawAxes, decadeTicks } from './axes.ts';
import { palette, muted, ink } from './palette.ts';
import { powerOfTen, px } from './format.ts';
import { plotRoot, drawPanelTitles, type PlotRoot } from './plotFrame.ts';

export interface MirageData {
  answerLength: number;
  aTok: number;
  /** Prefactor of 1 − p_tok = c·N_θ^(−a_tok), chosen so that the per-token error is ½ at the smallest model. */
  c: number;
  /** 1 when exact match is drawn on a log axis. */
  logScale: number;
  /** Engine run (model `mirage`): log₁₀ N_θ of each grid point and the series at that size. */
  logN: number[];
  perTokenAccuracy: number[];
  perTokenError: number[];
  exactMatch: number[];
  negLogExactMatch: number[];
  /** L_ans(1 − p_tok): the first-order −ln(exact match) and the expected number of wrong tokens. */
  expectedWrongTokens: number[];
  /** Sizes where exact match is 0.1, ½ and 0.9 (closed form, from the engine's `final`). */
  thresholdLow: number;
  threshold: number;
  thresholdHigh: number;
  /** The engine's divergence report; cannot happen at any slider position (p_tok ≥ ½ on the grid), drawn if it does. */
  diverged: { step: number; reason: string } | null;
}

const W = 900;
const H = 484;
const LOG_N: [number, number] = [6, 12];
/** Per-token error at the smallest model, 10⁶ parameters. */
const ERROR_AT_MIN = 0.5;
const POINTS = 121;
const TOP = 50;
const BOTTOM = 330;
/** Floor of the log axis of the left panel (log₁₀); smaller values are not drawn. */
const LEFT_LOG_FLOOR = -8;
/** The right panel's fixed log₁₀ range holds every slider position: ε ≥ ½·10^(−6) and −ln EM ≤ 50 ln 2 ≈ 34.7. */
const RIGHT_LOG: [number, number] = [-7, 2];
const PANELS = [
  { x0: 95, x1: 410, title: 'Accuracy against model size' },
  { x0: 545, x1: 860, title: 'The same numbers on log–log axes' },
];
const COLOURS = { perToken: palette[0], exact: palette[1], wrong: palette[2] };

const SUP: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
/** A positive integer as superscript digits, e.g. 20 → "²⁰". */
const sup = (n: number): string => String(n).split('').map((ch) => SUP[ch] ?? ch).join('');

/** 2.2·10⁸ style, for labels and the text alternative. */
export function sci(v: number, digits = 2): string {
  if (!(v > 0) || !Number.isFinite(v)) return String(v);
  const e = Math.floor(Math.log10(v));
  const m = v / 10 ** e;
  const mant = m.toPrecision(digits);
  if (mant === '10' || mant === '10.0') return powerOfTen(e + 1);
  return `${mant}·${powerOfTen(e)}`;
}

async function compute(p: Record<string, number>, engine: EngineHost): Promise<MirageData> {
  const aTok = p.aTok;
  const c = ERROR_AT_MIN * 10 ** (LOG_N[0] * aTok);
  const r = await engine.run({ model: 'mirage', seed: 0, c, aTok, answerLength: p.answerLength, logSizeMin: LOG_N[0], logSizeMax: LOG_N[1], points: POINTS });
  const s = (k: string) => r.series[k] as number[];
  return {
    answerLength: p.answerLength, aTok, c, logScale: p.logScale,
    logN: r.t.map((n) => Math.log10(n)),
    perTokenAccuracy: s('perTokenAccuracy'), perTokenError: s('perTokenError'), exactMatch: s('exactMatch'),
    negLogExactMatch: s('negLogExactMatch'), expectedWrongTokens: s('editDistance'),
    thresholdLow: r.final.thresholdLow as number, threshold: r.final.threshold as number, thresholdHigh: r.final.thresholdHigh as number,
    diverged: r.diverged,
  };
}

type Pt = readonly [number, number];

/**
 * A polyline of the finite points inside [yLo, yHi]. Points below the floor are dropped, except that a curve rising
 * through the floor starts exactly on it (linear interpolation in the plotted units); nothing is drawn outside.
 */
function curve(g: PlotRoot, pts: Pt[], x: (v: number) => number, y: (v: number) => number, yLo: number, yHi: number, colour: string, dashed = false): void {
  const ok = (b: number) => Number.isFinite(b) && b >= yLo - 1e-9 && b <= yHi + 1e-9;
  const inside: Pt[] = [];
  pts.forEach(([a, b], k) => {
    if (!Number.isFinite(a) || !ok(b)) return;
    const prev = pts[k - 1];
    if (inside.length === 0 && prev && Number.isFinite(prev[0]) && prev[1] < yLo) {
      // −∞ (a zero probability) counts as below the floor: start the curve at this point's own x then.
      const t = Number.isFinite(prev[1]) ? (yLo - prev[1]) / (b - prev[1]) : 1;
      inside.push([prev[0] + t * (a - prev[0]), yLo]);
    }
    inside.push([a, b]);
  });
  if (inside.length < 2) return;
  const path = line<Pt>().x(([a]) => x(a)).y(([, b]) => y(b)).digits(2);
  const el = g.append('path').attr('d', path(inside) ?? '').attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 3);
  if (dashed) el.attr('stroke-dasharray', '9 5');
}

/** A line sample and its explanation, tagged so a phone flows it under the stacked panels (narrowLayout.ts). */
function legendRow(root: PlotRoot, x: number, y: number, colour: string, dashed: boolean, text: string): void {
  const item = root.append('g').attr('class', 'legend-row').append('g').attr('class', 'legend-item');
  const l = item.append('line').attr('x1', x).attr('x2', x + 30).attr('y1', y - 5).attr('y2', y - 5).attr('stroke', colour).attr('stroke-width', 3);
  if (dashed) l.attr('stroke-dasharray', '9 5');
  item.append('text').attr('x', x + 38).attr('y', y).attr('font-size', 15).attr('fill', ink).text(text);
}

function draw(svgNode: SVGSVGElement, d: MirageData, progress: number): void {
  const root = plotRoot(svgNode, { answerLength: d.answerLength, aTok: d.aTok, logScale: d.logScale });
  const [lo, hi] = LOG_N;
  // Revealed from small to large models; a stopped run is drawn up to its last grid point.
  const cut = Math.min(lo + Math.min(1, Math.max(0, progress)) * (hi - lo), d.logN.at(-1) ?? lo);
  const shown = d.logN.map((v, k) => [v, k] as const).filter(([v]) => v <= cut + 1e-9).map(([, k]) => k);
  const L = d.answerLength;
  const log = d.logScale >= 0.5;
  const xTicks = { xTicks: decadeTicks(lo, hi), xFormat: powerOfTen };

  // Left: accuracies on a linear axis, or on a log axis (log₁₀ values drawn on a linear scale).
  const x1 = scaleLinear().domain([lo, hi]).range([PANELS[0].x0, PANELS[0].x1]).clamp(true);
  const yDom: [number, number] = log ? [LEFT_LOG_FLOOR, 0] : [0, 1];
  const y1 = scaleLinear().domain(yDom).range([BOTTOM, TOP]).clamp(true);
  const left = root.append('g');
  drawAxes(left, x1, y1, { x: 'model size Nθ (parameters, log scale)', y: log ? 'accuracy (log scale)' : 'accuracy' },
    log ? { ...xTicks, yTicks: [-8, -6, -4, -2, 0], yFormat: (v) => (v === 0 ? '1' : powerOfTen(v)) } : { ...xTicks, yTicks: [0, 0.25, 0.5, 0.75, 1], yFormat: (v) => String(v) });
  const tr = (v: number) => (log ? (v > 0 ? Math.log10(v) : -Infinity) : v);
  curve(left, shown.map((k) => [d.logN[k], tr(d.perTokenAccuracy[k])]), x1, y1, yDom[0], yDom[1], COLOURS.perToken);
  curve(left, shown.map((k) => [d.logN[k], tr(d.exactMatch[k])]), x1, y1, yDom[0], yDom[1], COLOURS.exact);
  // N⋆, where exact match crosses ½: a vertical line in both panels, labelled above the left panel's frame.
  const star = Math.log10(d.threshold);
  const starShown = star >= lo && star <= hi && star <= cut;
  if (starShown) {
    left.append('line').attr('x1', px(x1(star))).attr('x2', px(x1(star))).attr('y1', BOTTOM).attr('y2', TOP).attr('stroke', muted).attr('stroke-dasharray', '4 4');
    const cx = Math.min(PANELS[0].x1 - 60, Math.max(PANELS[0].x0 + 60, x1(star)));
    left.append('text').attr('x', px(cx)).attr('y', TOP - 6).attr('text-anchor', 'middle').attr('font-size', 15).attr('fill', muted).text(`N⋆ = ${sci(d.threshold)}`);
  }

  // Right: per-token error, −ln(exact match) and L(1 − p_tok) in log₁₀ units: straight lines of slope −a_tok.
  const x2 = scaleLinear().domain([lo, hi]).range([PANELS[1].x0, PANELS[1].x1]).clamp(true);
  const y2 = scaleLinear().domain(RIGHT_LOG).range([BOTTOM, TOP]).clamp(true);
  const right = root.append('g');
  drawAxes(right, x2, y2, { x: 'model size Nθ (parameters, log scale)', y: 'error (log scale)' }, { ...xTicks, yTicks: decadeTicks(RIGHT_LOG[0], RIGHT_LOG[1]).filter((v) => v % 2 === 0 || v === RIGHT_LOG[1]), yFormat: powerOfTen });
  const lg = (v: number) => (v > 0 ? Math.log10(v) : -Infinity);
  // −ln(exact match) = ln 2 is where exact match crosses ½ (explained in the legend).
  const ln2 = Math.log10(Math.LN2);
  right.append('line').attr('x1', x2(lo)).attr('x2', x2(hi)).attr('y1', px(y2(ln2))).attr('y2', px(y2(ln2))).attr('stroke', muted).attr('stroke-dasharray', '2 4');
  if (starShown) right.append('line').attr('x1', px(x2(star))).attr('x2', px(x2(star))).attr('y1', BOTTOM).attr('y2', TOP).attr('stroke', muted).attr('stroke-dasharray', '4 4');
  curve(right, shown.map((k) => [d.logN[k], lg(d.perTokenError[k])]), x2, y2, RIGHT_LOG[0], RIGHT_LOG[1], COLOURS.perToken);
  curve(right, shown.map((k) => [d.logN[k], lg(d.negLogExactMatch[k])]), x2, y2, RIGHT_LOG[0], RIGHT_LOG[1], COLOURS.exact);
  curve(right, shown.map((k) => [d.logN[k], lg(d.expectedWrongTokens[k])]), x2, y2, RIGHT_LOG[0], RIGHT_LOG[1], COLOURS.wrong, true);

  drawPanelTitles(root, PANELS);
  if (d.diverged) {
    root.append('text').attr('x', (PANELS[0].x0 + PANELS[1].x1) / 2).attr('y', (TOP + BOTTOM) / 2).attr('text-anchor', 'middle').attr('font-size', 16).attr('fill', ink)
      .text(`run stopped at grid point ${d.diverged.step}: ${d.diverged.reason}`);
  }
  const lx = PANELS[0].x0 - 40;
  legendRow(root, lx, 404, COLOURS.perToken, false, `per token: accuracy pₜₒₖ (left); error 1 − pₜₒₖ, slope −aₜₒₖ = −${d.aTok.toFixed(2)} (right)`);
  legendRow(root, lx, 426, COLOURS.exact, false, `exact match of a ${L}-token answer: pₜₒₖ${sup(L)} (left), −ln of it (right)`);
  legendRow(root, lx, 448, COLOURS.wrong, true, `expected wrong tokens ${L}·(1 − pₜₒₖ) = first-order −ln(exact match)`);
  const starWhere = star > hi ? ', beyond the plotted range' : star < lo ? ', below the plotted range' : ', not yet drawn';
  const starText = `N⋆ = ${sci(d.threshold)}${starShown ? '' : starWhere}`;
  root.append('text').attr('x', lx).attr('y', 470).attr('font-size', 15).attr('fill', ink).text(`dotted: −ln(exact match) = ln 2, i.e. exact match = ½; dashed: ${starText}`);
}

function describe(d: MirageData): string {
  const L = d.answerLength;
  const n = d.logN.length;
  if (d.diverged || n < 2) return `The engine run stopped at grid point ${d.diverged?.step ?? 0} (${d.diverged?.reason ?? 'too few points'}); only the sizes before it are drawn.`;
  const at = (v: number) => {
    const e = Math.log10(v);
    if (e < LOG_N[0]) return `at Nθ ≈ ${sci(v)} (below the plot)`;
    if (e > LOG_N[1]) return `only at Nθ ≈ ${sci(v)} (beyond the plot)`;
    return `at Nθ ≈ ${sci(v)}`;
  };
  const small = (v: number) => (v >= 0.01 ? v.toPrecision(2) : sci(v));
  const lastError = d.perTokenError[n - 1];
  const lastAccuracy = lastError >= 1e-3 ? d.perTokenAccuracy[n - 1].toPrecision(4) : `1 − ${sci(lastError)}`;
  const gap = d.negLogExactMatch.map((v, k) => v / d.expectedWrongTokens[k] - 1);
  const close = gap.findIndex((g) => g < 0.01);
  return `Toy model of the metric-choice argument, computed by the course engine (model mirage): per-token accuracy pₜₒₖ = 1 − cₜₒₖ·Nθ^(−${d.aTok.toFixed(2)}), with cₜₒₖ chosen so that the per-token error is ${ERROR_AT_MIN} at Nθ = 10⁶, and exact match pₜₒₖ${sup(L)} of a ${L}-token answer, for model sizes from 10⁶ to 10¹². ` +
    `Per-token accuracy rises smoothly from ${d.perTokenAccuracy[0].toFixed(2)} to ${lastAccuracy}; exact match goes from ${small(d.exactMatch[0])} to ${small(d.exactMatch[n - 1])} and reaches 0.1 ${at(d.thresholdLow)}, ½ ${at(d.threshold)} and 0.9 ${at(d.thresholdHigh)}. ` +
    `Exact match is drawn on a ${d.logScale >= 0.5 ? 'logarithmic' : 'linear'} axis. On log–log axes the per-token error and ${L}·(1 − pₜₒₖ) are straight lines of slope −${d.aTok.toFixed(2)}, and −ln(exact match) joins them: it is ${(gap[0] + 1).toFixed(2)} times ${L}·(1 − pₜₒₖ) at the smallest model` +
    (close >= 0 ? ` and within 1% of it from Nθ ≈ ${sci(10 ** d.logN[close])} on.` : '.');
}

/** Schaeffer, Miranda & Koyejo (2023): a discontinuous metric of a smoothly improving model looks like a threshold. */
export const mirage: FigureSpec<MirageData> = {
  name: 'mirage',
  title: 'Per-token accuracy improves smoothly with model size while exact match of a long answer looks like a threshold',
  width: W,
  height: H,
  controls: [
    { name: 'answerLength', label: 'answer length Lₐₙₛ (tokens)', min: 1, max: 50, step: 1, value: 20, format: (v) => String(v) },
    { name: 'aTok', label: 'per-token error exponent aₜₒₖ', min: 0.2, max: 1, step: 0.05, value: 0.5, format: (v) => v.toFixed(2) },
    { name: 'logScale', label: 'exact match on log axis (0 = linear, 1 = log)', min: 0, max: 1, step: 1, value: 0, format: (v) => (v >= 0.5 ? 'log' : 'linear') },
  ],
  compute,
  draw,
  describe,
};

import { line, scaleLinear } from 'd3';
import type { EngineHost, FigureSpec } from './FigureSpec.ts';
import { drawAxes, decadeTicks } from './axes.ts';
import { palette, ink, muted } from './palette.ts';
import { powerOfTen } from './format.ts';
import { plotRoot, drawPanelTitles, type PlotRoot } from './plotFrame.ts';

/**
 * Grokking as the lazy → rich transition (Kumar, Bordelon, Gershman & Pehlevan 2024): the committee machine
 * f(x) = (α/N)Σⱼ φ(wⱼ·x), φ(h) = h + (ε/2)h², on y = ½(β⋆·x)², simulated by the engine's closed (w̄, Q)
 * dynamics (model `kumar-grokking`, which names Q "M" and d "D"), one live run per slider position.
 */
export interface GrokkingLazyRichData {
  alpha: number;
  logAlpha: number;
  P: number;
  d: number;
  epsilon: number;
  eta0: number;
  steps: number;
  seed: number;
  /** Time t = step·η₀ of each record (t > 0 only: the axis is logarithmic). */
  t: number[];
  train: number[];
  test: number[];
  /** The three terms of the exact test loss: variance, misalignment, power in linear modes. */
  variance: number[];
  misalignment: number[];
  linear: number[];
  /** Kernel–target alignment yᵀKy/(‖K‖_F‖y‖²) of the NTK on the training inputs. */
  cka: number[];
  /** Test loss at t = 0 (¾ for |β⋆|² = d) and its three terms there. */
  initial: { test: number; variance: number; misalignment: number; linear: number; train: number; cka: number };
  /** ‖Q − Q₀‖_F at the last record. */
  qChange: number;
  diverged: null | { step: number; t: number; reason: string };
}

const W = 900;
const H = 440;
const TOP = 92;
/** Baselines of the two legend rows between the panel titles and the plots. */
const LEGEND_Y = [54, 74] as const;
const BOTTOM = 350;
/** Input dimension, quadratic strength, base step, run length (t = steps·η₀ = 600) and seed shared by every slider position. */
export const GROK_SETUP = { d: 20, epsilon: 0.1, eta0: 0.03, steps: 20_000, records: 120, seed: 0 } as const;
/**
 * Below this α the Euler step η₀ = 0.03 of the closed (w̄, Q) equations blows up late in the run (the N-neuron
 * gradient descent at the same step does not), so there the step is halved and the step count doubled: same t axis.
 */
export const SMALL_ALPHA = 0.5;
export function stepFor(alpha: number): { eta0: number; steps: number } {
  return alpha < SMALL_ALPHA ? { eta0: GROK_SETUP.eta0 / 2, steps: GROK_SETUP.steps * 2 } : { eta0: GROK_SETUP.eta0, steps: GROK_SETUP.steps };
}
/** Training-set sizes of the P slider at d = 20: too few to generalise, the goldilocks range, more than the 230 coefficients of f. */
export const P_CHOICES = [30, 80, 300] as const;
const P_WORDS = ['too few samples', 'goldilocks', 'more samples than coefficients'] as const;
/** Log time axis from the first step of the larger η₀ to t = 600 (both step rules end there). */
const LOG_T: [number, number] = [Math.log10(GROK_SETUP.eta0), Math.log10(GROK_SETUP.eta0 * GROK_SETUP.steps)];
const LOG_LOSS: [number, number] = [-6, 0.5];
const TERMS_MAX = 0.55;
const CKA_MAX = 0.3;
const PANELS = [
  { x0: 80, x1: 330, title: 'Train and test loss' },
  { x0: 420, x1: 640, title: 'Test-loss terms' },
  { x0: 720, x1: 880, title: 'Kernel alignment' },
];
const COLOURS = { train: palette[0], test: palette[1], variance: palette[2], misalignment: palette[3], linear: palette[4], cka: ink } as const;

/** α shown as a short decimal: 0.32, 1, 3.2, 100. */
export function formatAlpha(alpha: number): string {
  return alpha >= 10 ? String(Math.round(alpha)) : String(Number(alpha.toPrecision(2)));
}

export function grokScenario(alpha: number, P: number, step = stepFor(alpha)): Record<string, unknown> {
  const s = GROK_SETUP;
  return {
    model: 'kumar-grokking', seed: s.seed, D: s.d, P, N: 100, epsilon: s.epsilon, alpha, eta0: step.eta0,
    steps: step.steps, records: s.records, recordSpacing: 'log', method: 'closed', init: 'wide',
  };
}

/** One engine run turned into the figure's data; `step` overrides the step rule (tests use it to force a blow-up). */
export async function grokData(alpha: number, P: number, engine: EngineHost, step = stepFor(alpha)): Promise<GrokkingLazyRichData> {
  const run = await engine.run(grokScenario(alpha, P, step));
  const S = run.series as Record<string, number[]>;
  const keep = run.t.map((t, k) => [t, k] as const).filter(([t]) => t > 0).map(([, k]) => k);
  const pick = (name: string) => keep.map((k) => S[name][k]);
  return {
    alpha, logAlpha: Math.log10(alpha), P, d: GROK_SETUP.d, epsilon: GROK_SETUP.epsilon, eta0: step.eta0, steps: step.steps, seed: GROK_SETUP.seed,
    t: keep.map((k) => run.t[k]), train: pick('trainLoss'), test: pick('testLoss'),
    variance: pick('testVariance'), misalignment: pick('testAlignment'), linear: pick('testLinear'), cka: pick('cka'),
    initial: { test: S.testLoss[0], variance: S.testVariance[0], misalignment: S.testAlignment[0], linear: S.testLinear[0], train: S.trainLoss[0], cka: S.cka[0] },
    qChange: S.mChange.at(-1) ?? 0,
    diverged: run.diverged ? { step: run.diverged.step, t: run.diverged.step * step.eta0, reason: run.diverged.reason } : null,
  };
}

async function compute(p: Record<string, number>, engine: EngineHost): Promise<GrokkingLazyRichData> {
  const P = P_CHOICES[Math.max(0, Math.min(P_CHOICES.length - 1, Math.round(p.pIndex)))];
  const d = await grokData(10 ** p.logAlpha, P, engine);
  return { ...d, logAlpha: p.logAlpha };
}

/** Index of the largest finite value (−1 if none). */
function argmax(values: number[]): number {
  let best = -1;
  values.forEach((v, k) => { if (Number.isFinite(v) && (best < 0 || v > values[best])) best = k; });
  return best;
}

function draw(svgNode: SVGSVGElement, d: GrokkingLazyRichData, progress: number): void {
  const root = plotRoot(svgNode);
  const [lo, hi] = LOG_T;
  const cutLog = lo + Math.max(0, Math.min(1, progress)) * (hi - lo);
  const shown = d.t.map((t, k) => [t, k] as const).filter(([t]) => Number.isFinite(t) && t > 0 && Math.log10(t) >= lo - 1e-9 && Math.log10(t) <= cutLog + 1e-9).map(([, k]) => k);
  const timeTicks = { xTicks: decadeTicks(lo, hi), xFormat: powerOfTen };
  const xScale = (i: number) => scaleLinear().domain([lo, hi]).range([PANELS[i].x0, PANELS[i].x1]).clamp(true);
  const finite = (v: number) => Number.isFinite(v);

  /**
   * A polyline through the shown records with a finite value. On the log axis, values below the floor are
   * dropped except where the curve crosses it, where one point is drawn on the axis, so the line visibly ends there.
   */
  const curve = (g: PlotRoot, x: (v: number) => number, y: (v: number) => number, values: number[], colour: string, logY: boolean, dash?: string) => {
    const ok = (k: number | undefined) => k !== undefined && finite(values[k]) && (!logY || values[k] > 0);
    const above = (k: number | undefined) => ok(k) && (!logY || Math.log10(values[k!]) >= LOG_LOSS[0]);
    const ks = shown.filter((k, i) => ok(k) && (above(k) || above(shown[i - 1]) || above(shown[i + 1])));
    const path = line<number>().x((k) => x(Math.log10(d.t[k]))).y((k) => y(logY ? Math.log10(values[k]) : values[k]))
      .defined((k) => ok(k)).digits(2);
    // Break the line where whole stretches were dropped (below the floor), instead of bridging them.
    const runs: number[][] = [];
    ks.forEach((k, i) => { if (i === 0 || shown.indexOf(k) !== shown.indexOf(ks[i - 1]) + 1) runs.push([]); runs.at(-1)!.push(k); });
    for (const r of runs) {
      const el = g.append('path').attr('d', path(r) ?? '').attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 2.6);
      if (dash) el.attr('stroke-dasharray', dash);
    }
  };
  const divergenceMark = (g: PlotRoot, x: (v: number) => number, y0: number, y1: number) => {
    if (!d.diverged || d.diverged.t <= 0 || Math.log10(d.diverged.t) > cutLog) return;
    const xv = x(Math.log10(d.diverged.t));
    g.append('line').attr('x1', xv).attr('x2', xv).attr('y1', y0).attr('y2', y1).attr('stroke', palette[1]).attr('stroke-dasharray', '5 4').attr('stroke-width', 1.5);
  };

  /** One legend row above a panel: a short stroke sample, then the label, entries side by side. */
  const legendRow = (g: PlotRoot, xStart: number, entries: readonly (readonly [string, string, string])[], y: number = LEGEND_Y[0]) => {
    let x = xStart;
    const key = g.append('g').attr('class', 'key');
    for (const [label, colour, dash] of entries) {
      const seg = key.append('line').attr('x1', x).attr('x2', x + 22).attr('y1', y - 5).attr('y2', y - 5).attr('stroke', colour).attr('stroke-width', 2.6);
      if (dash) seg.attr('stroke-dasharray', dash);
      key.append('text').attr('x', x + 27).attr('y', y).attr('font-size', 14).attr('fill', ink).text(label);
      x += 27 + 8.5 * label.length + 14;
    }
  };

  // Panel 1: train and test loss on log–log axes; the test loss peaks while the train loss falls.
  const x0 = xScale(0);
  const y0 = scaleLinear().domain(LOG_LOSS).range([BOTTOM, TOP]).clamp(true);
  const g0 = root.append('g');
  drawAxes(g0, x0, y0, { x: 'time t (log)', y: 'mean squared error' }, { ...timeTicks, yTicks: decadeTicks(LOG_LOSS[0], LOG_LOSS[1]).filter((k) => k % 2 === 0), yFormat: powerOfTen });
  curve(g0, x0, y0, d.train, COLOURS.train, true);
  curve(g0, x0, y0, d.test, COLOURS.test, true);
  const peak = argmax(d.test.map((v, k) => (shown.includes(k) ? v : Number.NaN)));
  if (peak >= 0 && d.test[peak] > 0) {
    const cx = x0(Math.log10(d.t[peak])), cy = y0(Math.log10(d.test[peak]));
    g0.append('circle').attr('cx', cx).attr('cy', cy).attr('r', 5).attr('fill', COLOURS.test);
    g0.append('text').attr('x', cx + 8).attr('y', cy - 8).attr('font-size', 14).attr('fill', COLOURS.test).text(`peak ${d.test[peak].toFixed(2)}`);
  }
  legendRow(g0, PANELS[0].x0 + 20, [['train', COLOURS.train, ''], ['test', COLOURS.test, '']]);
  divergenceMark(g0, x0, BOTTOM, TOP);

  // Panel 2: the three terms of the exact test loss.
  const x1 = xScale(1);
  const y1 = scaleLinear().domain([0, TERMS_MAX]).range([BOTTOM, TOP]).clamp(true);
  const g1 = root.append('g');
  drawAxes(g1, x1, y1, { x: 'time t (log)', y: 'term of the test loss' }, { ...timeTicks, yTicks: [0, 0.1, 0.2, 0.3, 0.4, 0.5], yFormat: (v) => v.toFixed(1) });
  curve(g1, x1, y1, d.variance, COLOURS.variance, false);
  curve(g1, x1, y1, d.misalignment, COLOURS.misalignment, false, '9 4');
  curve(g1, x1, y1, d.linear, COLOURS.linear, false, '3 3');
  legendRow(g1, PANELS[1].x0 - 10, [['variance', COLOURS.variance, ''], ['misalignment', COLOURS.misalignment, '9 4']]);
  legendRow(g1, PANELS[1].x0 - 10, [['linear power', COLOURS.linear, '3 3']], LEGEND_Y[1]);
  divergenceMark(g1, x1, BOTTOM, TOP);

  // Panel 3: kernel–target alignment of the NTK on the training inputs.
  const x2 = xScale(2);
  const y2 = scaleLinear().domain([0, CKA_MAX]).range([BOTTOM, TOP]).clamp(true);
  const g2 = root.append('g');
  drawAxes(g2, x2, y2, { x: 'time t (log)', y: 'yᵀKy / (‖K‖ ‖y‖²)' }, { xTicks: decadeTicks(lo, hi).filter((k) => k % 2 === 0), xFormat: powerOfTen, yTicks: [0, 0.1, 0.2, 0.3], yFormat: (v) => v.toFixed(1) });
  g2.append('line').attr('x1', PANELS[2].x0).attr('x2', PANELS[2].x1).attr('y1', y2(d.initial.cka)).attr('y2', y2(d.initial.cka)).attr('stroke', muted).attr('stroke-width', 1.5).attr('stroke-dasharray', '4 4');
  legendRow(g2, PANELS[2].x0 + 10, [['NTK', COLOURS.cka, '']]);
  legendRow(g2, PANELS[2].x0 + 10, [['at t = 0', muted, '4 4']], LEGEND_Y[1]);
  curve(g2, x2, y2, d.cka, COLOURS.cka, false);
  divergenceMark(g2, x2, BOTTOM, TOP);

  drawPanelTitles(root, PANELS);
  const setup = `α = ${formatAlpha(d.alpha)}, P = ${d.P}, d = ${d.d}, ε = ${d.epsilon}, η₀ = ${d.eta0}, ${d.steps.toLocaleString('en-US')} steps, seed ${d.seed}`;
  root.append('text').attr('x', PANELS[0].x0).attr('y', H - 6).attr('font-size', 14).attr('fill', muted).text(setup);
  if (d.diverged && Math.log10(Math.max(d.diverged.t, 1e-12)) <= cutLog) {
    root.append('text').attr('x', PANELS[0].x0 + 8).attr('y', BOTTOM - 12).attr('font-size', 15).attr('font-weight', 600).attr('fill', palette[1])
      .text(`(w̄, Q) Euler step blew up at step ${d.diverged.step.toLocaleString('en-US')}`);
  }
}

/** First record time at which `values` drops below `fraction` of `start` (NaN if never). */
function firstBelow(t: number[], values: number[], start: number, fraction: number): number {
  const k = values.findIndex((v) => v < fraction * start);
  return k < 0 ? Number.NaN : t[k];
}

function describe(d: GrokkingLazyRichData): string {
  const n = d.t.length;
  const last = n - 1;
  const f = (v: number) => (v < 1e-3 ? v.toExponential(1) : v.toPrecision(2));
  const peak = argmax(d.test);
  const setup = `Committee machine f(x) = (α/N)Σⱼ φ(wⱼ·x), φ(h) = h + (ε/2)h², trained by plain gradient descent on y = ½(β⋆·x)² with the centred predictor, simulated by the course engine through its exact (w̄, Q) dynamics from w̄ = 0, Q = I: ` +
    `α = ${formatAlpha(d.alpha)}, P = ${d.P} training samples (${P_WORDS[P_CHOICES.indexOf(d.P as (typeof P_CHOICES)[number])] ?? 'custom'}), d = ${d.d}, ε = ${d.epsilon}, step η₀ = ${d.eta0} for ${d.steps} steps, seed ${d.seed}. `;
  if (n === 0) return setup + `The Euler integration of the (w̄, Q) equations blew up at step ${d.diverged?.step ?? 0}, before the first record.`;
  const tEnd = d.t[last];
  const trainTime = firstBelow(d.t, d.train, d.initial.train, 0.1);
  const testTime = firstBelow(d.t, d.test, d.initial.test, 0.1);
  const timing = Number.isFinite(trainTime)
    ? `The train loss falls below a tenth of its start at t ≈ ${trainTime.toPrecision(2)}; ` + (Number.isFinite(testTime) ? `the test loss does so at t ≈ ${testTime.toPrecision(2)}. ` : 'the test loss never does in this run. ')
    : 'The train loss does not fall below a tenth of its start in this run. ';
  const verdict = d.test[last] > d.initial.test ? 'ends above its starting value: the network fits the training set without generalising'
    : d.test[last] < 0.1 * d.initial.test ? 'ends far below its starting value: the network generalises'
      : 'ends below its starting value but well above zero';
  const ending = d.diverged
    ? `The Euler integration of the (w̄, Q) equations blew up at step ${d.diverged.step} (t = ${d.diverged.t.toPrecision(3)}); the curves stop at the last finite record, t = ${tEnd.toPrecision(3)}. `
    : `The run ends at t = ${tEnd.toPrecision(3)}. `;
  return setup + ending +
    `The train loss goes from ${f(d.initial.train)} to ${f(d.train[last])}. The test loss starts at ${f(d.initial.test)}, peaks at ${f(d.test[peak])} at t ≈ ${d.t[peak].toPrecision(2)} and ${verdict}, at ${f(d.test[last])}. ` + timing +
    `Of the test loss, the variance term goes from ${f(d.initial.variance)} to ${f(d.variance[last])}, the misalignment term from ${f(d.initial.misalignment)} to ${f(d.misalignment[last])}, and the power in linear modes from 0 up to ${f(Math.max(...d.linear))} and back to ${f(d.linear[last])}. ` +
    `The kernel–target alignment of the NTK goes from ${d.initial.cka.toFixed(3)} to ${d.cka[last].toFixed(3)}, and ‖Q − Q₀‖ reaches ${f(d.qChange)}.`;
}

/** Kumar, Bordelon, Gershman & Pehlevan (2024), §5 and App. 8.1; the (w̄, Q) closure is the engine's. */
export const grokkingLazyRich: FigureSpec<GrokkingLazyRichData> = {
  name: 'grokking-lazy-rich',
  title: 'Grokking in the committee machine: losses, test-loss terms and kernel alignment as the output scale α and the sample size P vary',
  width: W,
  height: H,
  controls: [
    { name: 'logAlpha', label: 'output scale α (log scale)', min: -0.5, max: 2, step: 0.1, value: 0, format: (v) => `α = ${formatAlpha(10 ** v)}` },
    { name: 'pIndex', label: 'training-set size P', min: 0, max: 2, step: 1, value: 1, format: (v) => `P = ${P_CHOICES[Math.max(0, Math.min(2, Math.round(v)))]}` },
  ],
  compute,
  draw,
  describe,
};

import { line, scaleLinear } from 'd3';
import type { Trajectory } from '../engine/index.ts';
import type { EngineHost, FigureSpec } from './FigureSpec.ts';
import type { PrecomputedName } from './precomputedRuns.ts';
import { drawAxes, decadeTicks } from './axes.ts';
import { palette, ink, muted } from './palette.ts';
import { powerOfTen, px } from './format.ts';
import { plotRoot, drawPanelTitles } from './plotFrame.ts';

/** The run control's positions: a committed run that groks and one that stays stuck (same set-up, other seed). */
const RUNS: readonly PrecomputedName[] = ['modular-addition-grok', 'modular-addition-stuck'];

export interface ModularGrokkingData {
  run: PrecomputedName;
  /** The committed run's resolved scenario fields the figure states. */
  setup: { seed: number; p: number; trainFraction: number; embedSize: number; hiddenSize: number; lr: number; weightDecay: number; steps: number; topFrequencies: number };
  nTrain: number;
  nTest: number;
  /** AdamW step of every record (0, recordEvery, …, steps). */
  step: number[];
  trainAcc: number[];
  testAcc: number[];
  weightNorm: number[];
  /** Share of embedding power in the top-K Fourier frequencies (K = setup.topFrequencies). */
  topFraction: number[];
  /** Power per frequency ν = 1 … ⌊(p − 1)/2⌋, normalised by the total (constant component included). */
  spectrum: number[][];
  /** First record with test accuracy ≥ 0.5 (the engine's `grokStep`), or −1. */
  grokStep: number;
  diverged: Trajectory['diverged'];
  /** Index of the record the step control selects. */
  at: number;
}

const W = 900;
const H = 506;
const TOP1 = 50;
const BOTTOM1 = 180;
const TOP2 = 282;
const BOTTOM2 = 400;
const PANELS = [
  { x0: 75, x1: 300, title: 'Accuracy' },
  { x0: 375, x1: 600, title: 'Weight norm ‖θ‖' },
  { x0: 675, x1: 880, title: 'Top-K Fourier power' },
];
const SPECTRUM = { x0: 75, x1: 880 };
/** One vertical scale for the spectrum of every run, so a flat spectrum looks flat. */
const SPECTRUM_MIN_TOP = 0.4;

const thousands = (v: number) => Math.round(v).toLocaleString('en-US');

async function compute(p: Record<string, number>, engine: EngineHost): Promise<ModularGrokkingData> {
  if (!engine.precomputed) throw new Error('modular-grokking draws committed engine runs (data/precomputed/); this engine host cannot provide them.');
  const run = RUNS[Math.round(p.run)] ?? RUNS[0];
  const traj = await engine.precomputed(run);
  const sc = traj.scenario as Record<string, number>;
  const num = (k: string) => traj.series[k] as number[];
  const step = traj.t;
  // The record nearest the requested step (the control's grid is the committed record grid; a test checks it).
  let at = 0;
  for (let k = 1; k < step.length; k++) if (Math.abs(step[k] - p.step) < Math.abs(step[at] - p.step)) at = k;
  return {
    run,
    setup: { seed: sc.seed, p: sc.p, trainFraction: sc.trainFraction, embedSize: sc.embedSize, hiddenSize: sc.hiddenSize, lr: sc.lr, weightDecay: sc.weightDecay, steps: sc.steps, topFrequencies: sc.topFrequencies },
    nTrain: traj.final.nTrain as number,
    nTest: traj.final.nTest as number,
    step,
    trainAcc: num('trainAcc'),
    testAcc: num('testAcc'),
    weightNorm: num('weightNorm'),
    topFraction: num('fourierTopFraction'),
    spectrum: traj.series.fourierSpectrum as number[][],
    grokStep: traj.final.grokStep as number,
    diverged: traj.diverged,
    at,
  };
}

/** First record at or after which `values` stays ≥ `level` to the end of the run; −1 if none. */
export function settledAt(values: number[], level: number): number {
  let k = values.length;
  while (k > 0 && values[k - 1] >= level) k--;
  return k < values.length ? k : -1;
}

/** Frequencies ν ordered by power at record k (strongest first). */
export function rankedFrequencies(d: ModularGrokkingData, k: number): number[] {
  return d.spectrum[k].map((v, i) => [i + 1, v] as const).sort((a, b) => b[1] - a[1]).map(([nu]) => nu);
}

function draw(svgNode: SVGSVGElement, d: ModularGrokkingData, progress: number): void {
  const root = plotRoot(svgNode);
  // Log-step axis over the records after step 0, in whole decades.
  const first = d.step.findIndex((s) => s > 0);
  const lastStep = d.step[d.step.length - 1];
  const lo = Math.floor(Math.log10(d.step[first]));
  const hi = Math.ceil(Math.log10(lastStep));
  // The animation reveals the run left to right on the log axis; the step control caps what is shown.
  const revealed = 10 ** (lo + Math.min(1, Math.max(0, progress)) * (hi - lo));
  let shown = first;
  for (let k = first; k < d.step.length; k++) if (d.step[k] <= revealed) shown = k;
  const cursor = Math.min(shown, d.at);
  const cursorIdx = Math.max(first, cursor);
  // What the sweep test compares with the sliders: the run shown and the step its cursor marks.
  root.attr('data-drawn-params', JSON.stringify({ run: RUNS.indexOf(d.run), step: d.step[cursorIdx] }));
  const drawnIdx = d.step.map((_, k) => k).filter((k) => k >= first && k <= shown);

  const timePanel = (i: number, yDomain: [number, number], ylabel: string, yTicks: number[], yFormat?: (v: number) => string) => {
    const x = scaleLinear().domain([lo, hi]).range([PANELS[i].x0, PANELS[i].x1]).clamp(true);
    const y = scaleLinear().domain(yDomain).range([BOTTOM1, TOP1]).clamp(true);
    const g = root.append('g');
    drawAxes(g, x, y, { x: '', y: ylabel }, { xTicks: decadeTicks(lo, hi), xFormat: powerOfTen, yTicks, ...(yFormat ? { yFormat } : {}) });
    const curve = (values: number[], colour: string, width = 2.5) => {
      const path = line<number>().x((k) => x(Math.log10(d.step[k]))).y((k) => y(values[k])).digits(2);
      g.append('path').attr('d', path(drawnIdx) ?? '').attr('fill', 'none').attr('stroke', colour).attr('stroke-width', width);
    };
    const mark = (values: number[], colour: string) => {
      g.append('circle').attr('cx', px(x(Math.log10(d.step[cursorIdx])))).attr('cy', px(y(values[cursorIdx]))).attr('r', 4.5).attr('fill', colour).attr('stroke', '#fff').attr('stroke-width', 1);
    };
    const xc = px(x(Math.log10(d.step[cursorIdx])));
    g.append('line').attr('class', 'scrub').attr('x1', xc).attr('x2', xc).attr('y1', BOTTOM1).attr('y2', TOP1).attr('stroke', muted).attr('stroke-width', 1.2).attr('stroke-dasharray', '3 3');
    return { g, x, y, curve, mark };
  };

  // Accuracy: memorisation (train) long before generalisation (test).
  const acc = timePanel(0, [0, 1], 'accuracy', [0, 0.5, 1]);
  acc.curve(d.trainAcc, palette[0]);
  acc.curve(d.testAcc, palette[1]);
  acc.mark(d.trainAcc, palette[0]);
  acc.mark(d.testAcc, palette[1]);
  acc.g.append('text').attr('x', PANELS[0].x0 + 10).attr('y', acc.y(0.62)).attr('font-size', 15).attr('fill', palette[0]).text('train');
  acc.g.append('text').attr('x', PANELS[0].x0 + 10).attr('y', acc.y(0.4)).attr('font-size', 15).attr('fill', palette[1]).text('test');
  if (d.grokStep > 0 && d.grokStep <= d.step[shown]) {
    const xg = px(acc.x(Math.log10(d.grokStep)));
    acc.g.append('line').attr('x1', xg).attr('x2', xg).attr('y1', BOTTOM1).attr('y2', TOP1).attr('stroke', palette[1]).attr('stroke-width', 1.5).attr('stroke-dasharray', '6 4');
    acc.g.append('text').attr('x', xg - 6).attr('y', acc.y(0.5) + 5).attr('text-anchor', 'end').attr('font-size', 14).attr('fill', palette[1]).text(`≥ 0.5 at ${thousands(d.grokStep)}`);
  }
  if (d.diverged) acc.g.append('text').attr('x', (PANELS[0].x0 + PANELS[0].x1) / 2).attr('y', acc.y(0.8)).attr('text-anchor', 'middle').attr('font-size', 15).attr('fill', palette[1]).text(`diverged at step ${thousands(d.diverged.step)}`);

  // Weight norm on a scale from 0, the same for both runs up to their peaks.
  const normTop = Math.ceil(Math.max(...d.weightNorm) / 10) * 10;
  const norm = timePanel(1, [0, normTop], 'global L2 norm', scaleLinear().domain([0, normTop]).ticks(4));
  norm.curve(d.weightNorm, ink);
  norm.mark(d.weightNorm, ink);

  // Fourier concentration of the embedding, against the share K frequencies would hold if power were spread evenly.
  const K = d.setup.topFrequencies;
  const nFreq = d.spectrum[0].length;
  const four = timePanel(2, [0, 1], `power in top ${K} of ${nFreq}`, [0, 0.5, 1]);
  const even = K / nFreq;
  four.g.append('line').attr('x1', PANELS[2].x0).attr('x2', PANELS[2].x1).attr('y1', px(four.y(even))).attr('y2', px(four.y(even))).attr('stroke', muted).attr('stroke-dasharray', '6 4');
  four.g.append('text').attr('x', PANELS[2].x1).attr('y', px(four.y(even)) + 17).attr('text-anchor', 'end').attr('font-size', 14).attr('fill', muted).text(`even: ${K}/${nFreq}`);
  four.curve(d.topFraction, palette[2]);
  four.mark(d.topFraction, palette[2]);

  drawPanelTitles(root, PANELS.map((q, i) => (i === 2 ? { ...q, title: `Top-${K} Fourier power` } : q)), 18);
  root.append('text').attr('x', (PANELS[0].x0 + PANELS[2].x1) / 2).attr('y', BOTTOM1 + 48).attr('text-anchor', 'middle').attr('font-size', 15).attr('fill', ink).text('AdamW step (log scale)');

  // The embedding's spectrum at the selected step: power per frequency ν, top K highlighted, top 3 labelled.
  const spec = d.spectrum[cursorIdx];
  const ranked = rankedFrequencies(d, cursorIdx);
  const top = new Set(ranked.slice(0, K));
  const runMax = Math.max(...d.spectrum.map((row) => Math.max(...row)));
  const yTop = Math.max(SPECTRUM_MIN_TOP, Math.ceil(runMax * 11.5) / 10);
  const xs = scaleLinear().domain([0.5, nFreq + 0.5]).range([SPECTRUM.x0, SPECTRUM.x1]).clamp(true);
  const ys = scaleLinear().domain([0, yTop]).range([BOTTOM2, TOP2]).clamp(true);
  const sg = root.append('g');
  const nuTicks = Array.from({ length: nFreq }, (_, i) => i + 1).filter((nu) => nu === 1 || nu % 4 === 0);
  drawAxes(sg, xs, ys, { x: 'frequency ν (ω = 2πν/p)', y: 'share of power' }, { xTicks: nuTicks, xFormat: (v) => String(v), yTicks: ys.ticks(4) });
  const barW = ((SPECTRUM.x1 - SPECTRUM.x0) / nFreq) * 0.7;
  spec.forEach((v, i) => {
    const nu = i + 1;
    sg.append('rect').attr('x', px(xs(nu) - barW / 2)).attr('y', px(ys(v))).attr('width', px(barW)).attr('height', px(Math.max(0, BOTTOM2 - ys(v))))
      .attr('fill', top.has(nu) ? palette[0] : '#b9b9c3');
  });
  // Labels of neighbouring frequencies are stacked, not overlapped (on a phone the spectrum is a third as wide).
  let prev: { nu: number; y: number } | null = null;
  for (const nu of ranked.slice(0, 3).sort((a, b) => a - b)) {
    let y = ys(spec[nu - 1]) - 6;
    if (prev && nu - prev.nu <= 4 && Math.abs(y - prev.y) < 16) y = prev.y - 16;
    sg.append('text').attr('x', px(xs(nu))).attr('y', px(y)).attr('text-anchor', 'middle').attr('font-size', 14).attr('fill', ink).text(`ν=${nu}`);
    prev = { nu, y };
  }
  sg.append('line').attr('x1', SPECTRUM.x0).attr('x2', SPECTRUM.x1).attr('y1', px(ys(1 / nFreq))).attr('y2', px(ys(1 / nFreq))).attr('stroke', muted).attr('stroke-dasharray', '6 4');
  root.append('text').attr('x', (SPECTRUM.x0 + SPECTRUM.x1) / 2).attr('y', TOP2 - 14).attr('text-anchor', 'middle').attr('font-size', 18).attr('font-weight', 600).attr('fill', ink)
    .text(`Embedding power per frequency at step ${thousands(d.step[cursorIdx])} (top ${K} blue; dashed: even, 1/${nFreq})`);

  // What the selected step shows, and the committed run's set-up, read from its file.
  const s = d.setup;
  root.append('text').attr('x', W / 2).attr('y', H - 26).attr('text-anchor', 'middle').attr('font-size', 15).attr('fill', ink)
    .text(`step ${thousands(d.step[cursorIdx])}: train acc ${d.trainAcc[cursorIdx].toFixed(3)}, test acc ${d.testAcc[cursorIdx].toFixed(3)}, ‖θ‖ = ${d.weightNorm[cursorIdx].toFixed(1)}, top-${K} power ${d.topFraction[cursorIdx].toFixed(2)}`);
  root.append('text').attr('x', W / 2).attr('y', H - 6).attr('text-anchor', 'middle').attr('font-size', 14).attr('fill', muted)
    .text(`seed ${s.seed} · p = ${s.p} · trained on ${d.nTrain} of ${thousands(d.nTrain + d.nTest)} pairs · embed ${s.embedSize}, hidden ${s.hiddenSize} · AdamW lr ${s.lr}, decay ${s.weightDecay} · ${thousands(s.steps)} steps`);
}

function describe(d: ModularGrokkingData): string {
  const s = d.setup;
  const last = d.step.length - 1;
  const k = Math.max(d.at, d.step.findIndex((x) => x > 0));
  const trainFit = settledAt(d.trainAcc, 0.99);
  const testFit = settledAt(d.testAcc, 0.99);
  let peak = 0;
  d.weightNorm.forEach((w, i) => { if (w > d.weightNorm[peak]) peak = i; });
  const K = s.topFrequencies;
  const outcome = d.grokStep > 0
    ? `Test accuracy first reaches 0.5 at step ${thousands(d.grokStep)}${testFit >= 0 ? ` and stays at or above 0.99 from step ${thousands(d.step[testFit])}` : ''}: the network groks.`
    : `Test accuracy never reaches 0.5; it ends at ${d.testAcc[last].toFixed(3)}: the network stays stuck in memorisation.`;
  return `Modular addition (x₁ + x₂) mod ${s.p} learned by the PAIR MLP with a tied embedding (width ${s.embedSize}, ${s.hiddenSize} hidden ReLU units), trained full batch with AdamW (learning rate ${s.lr}, weight decay ${s.weightDecay}) on ${d.nTrain} of the ${thousands(d.nTrain + d.nTest)} pairs x₁ ≤ x₂, seed ${s.seed}, for ${thousands(s.steps)} steps: a committed course-engine run, plotted on a log-step axis from step ${thousands(d.step[d.step.findIndex((x) => x > 0)])}. ` +
    `${trainFit >= 0 ? `Train accuracy stays at or above 0.99 from step ${thousands(d.step[trainFit])}.` : `Train accuracy ends at ${d.trainAcc[last].toFixed(3)}.`} ${outcome} ` +
    `The weight norm goes from ${d.weightNorm[0].toFixed(1)} at initialisation to a peak of ${d.weightNorm[peak].toFixed(1)} at step ${thousands(d.step[peak])} and ends at ${d.weightNorm[last].toFixed(1)}. ` +
    `The share of embedding power in the top ${K} of ${d.spectrum[0].length} Fourier frequencies goes from ${d.topFraction[0].toFixed(2)} to ${d.topFraction[last].toFixed(2)}. ` +
    `At the selected step ${thousands(d.step[k])}: train accuracy ${d.trainAcc[k].toFixed(3)}, test accuracy ${d.testAcc[k].toFixed(3)}, weight norm ${d.weightNorm[k].toFixed(1)}, top-${K} power ${d.topFraction[k].toFixed(2)}, strongest frequencies ν = ${rankedFrequencies(d, k).slice(0, 3).join(', ')}.`;
}

/** Power et al. (2022) grokking, on the PAIR explorable's MLP (Pearce et al. 2023); Fourier measure after Nanda et al. (2023). */
export const modularGrokking: FigureSpec<ModularGrokkingData> = {
  name: 'modular-grokking',
  title: 'Grokking modular addition: accuracy, weight norm and Fourier concentration of the embedding over training',
  width: W,
  height: H,
  controls: [
    { name: 'run', label: 'run', min: 0, max: 1, step: 1, value: 0, format: (v) => (Math.round(v) === 0 ? 'groks' : 'stays stuck') },
    { name: 'step', label: 'AdamW step', min: 250, max: 80000, step: 250, value: 80000, format: thousands },
  ],
  compute,
  draw,
  describe,
};

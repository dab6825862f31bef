/**
 * "Predict, then run" checks: each one states what it simulates, takes a few numeric parameters and runs the
 * dynamics ENGINE (never a closed form) to measure the quantity the reader predicted. The checks only build
 * scenarios and read trajectories; where the scenarios run is the caller's choice (`EngineHost`): in the browser
 * the `<predict-check>` island, in tests `runScenario` directly. Unit tests compare every measured value with
 * the closed form it should reproduce (tests/unit/predictRegistry.test.ts).
 */
import type { Trajectory } from '../engine/index.ts';

/** Where a check's scenarios run (same contract as a figure's host). */
export interface EngineHost {
  run(scenario: Record<string, unknown>): Promise<Trajectory>;
}

/** One numeric parameter of a check, validated at build time. */
export interface PredictionParam {
  value: number;
  min: number;
  max: number;
  integer?: boolean;
  /** What the parameter means (used in error messages). */
  meaning: string;
}

/** What a check reports: the measured value and a sentence saying how it was measured, with the numbers. */
export interface PredictionResult {
  value: number;
  /** Name of the quantity, e.g. "t½" (plain text). */
  symbol: string;
  unit?: string;
  details: string;
}

export interface PredictionCheck {
  /** One sentence shown before the reader commits: what the engine will simulate (not the answer). */
  describe(params: Record<string, number>): string;
  params: Readonly<Record<string, PredictionParam>>;
  /** Cross-parameter conditions; return an error message or null. */
  validate?(params: Record<string, number>): string | null;
  run(params: Record<string, number>, host: EngineHost): Promise<PredictionResult>;
}

/** Four significant digits, without trailing zeros in exponent form. */
export function formatNumber(v: number, digits = 4): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return String(Number(v.toPrecision(digits)));
  return v.toExponential(digits - 1).replace(/\.?0+e/, 'e');
}

/** A measured value: four significant digits, trailing zeros kept (1.900), so equal precision reads equal. */
export function formatMeasured(v: number): string {
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e5 ? v.toPrecision(4) : v.toExponential(3);
}

const list = (xs: number[]) => xs.map((x) => formatNumber(x)).join(', ');

/**
 * First time at which series `u` crosses `level` upward, by linear interpolation between records; null if it
 * never does. Near a sigmoid's midpoint (an inflection point) the interpolation error is third order in the
 * record spacing.
 */
export function firstCrossing(t: readonly number[], u: readonly number[], level: number): number | null {
  for (let k = 1; k < u.length; k++) {
    if (u[k - 1] < level && u[k] >= level) return t[k - 1] + ((level - u[k - 1]) / (u[k] - u[k - 1])) * (t[k] - t[k - 1]);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// mode-half-time: gradient flow on an aligned deep linear network; time at which a mode reaches s/2.

const SEARCH_RECORDS = 100;
const RECORDS = 2000;
const MAX_DOUBLINGS = 16;

async function modeHalfTimes(p: Record<string, number>, host: EngineHost) {
  const s = [p.s1, p.s2, p.s3];
  const scenario = (T: number, records: number) => ({
    model: 'dln',
    widths: Array.from({ length: p.depth + 1 }, () => 3),
    teacher: { singularValues: s, basis: 'identity' },
    init: { kind: 'aligned', u0: p.u0 },
    optimizer: { kind: 'flow', rtol: 1e-10, atol: 1e-14 },
    T,
    records,
    ntk: false,
  });
  const halvesOf = (traj: Trajectory) => {
    if (traj.diverged) throw new Error(`the simulation diverged: ${traj.diverged.reason}`);
    const modes = traj.series.modeStrengths as number[][];
    return s.map((sa, a) => (sa > 0 ? firstCrossing(traj.t, modes.map((m) => m[a]), sa / 2) : null));
  };
  const allCrossed = (h: (number | null)[]) => h.every((x, a) => s[a] <= 0 || x !== null);
  // Horizon: start short and double (coarse records) until every mode has crossed half its target, then
  // measure on a fine time grid over that horizon.
  let T = 1 / Math.max(...s);
  for (let k = 0; k < MAX_DOUBLINGS && !allCrossed(halvesOf(await host.run(scenario(T, SEARCH_RECORDS)))); k++) T *= 2;
  const halves = halvesOf(await host.run(scenario(T, RECORDS)));
  if (!allCrossed(halves)) throw new Error('a mode did not reach half its target within the simulated time');
  return { s, halves };
}

const modeHalfTime: PredictionCheck = {
  params: {
    s1: { value: 3, min: 0, max: 10, meaning: 'first teacher singular value' },
    s2: { value: 0, min: 0, max: 10, meaning: 'second teacher singular value (0: absent)' },
    s3: { value: 0, min: 0, max: 10, meaning: 'third teacher singular value (0: absent)' },
    mode: { value: 1, min: 1, max: 3, integer: true, meaning: 'which mode the prediction is about (1, 2 or 3)' },
    u0: { value: 1e-3, min: 1e-8, max: 1, meaning: 'initial strength of every mode (product of the layers)' },
    depth: { value: 2, min: 2, max: 4, integer: true, meaning: 'number of weight matrices L' },
  },
  validate(p) {
    const s = [p.s1, p.s2, p.s3][p.mode - 1];
    if (!(s > 0)) return `mode ${p.mode} has singular value ${s}; choose a mode with s > 0`;
    if (!(p.u0 < s / 2)) return `u0 = ${p.u0} must be below half the singular value of mode ${p.mode} (${s / 2})`;
    for (const v of [p.s1, p.s2, p.s3]) if (v > 0 && !(p.u0 < v / 2)) return `u0 = ${p.u0} must be below s/2 for every mode with s > 0`;
    return null;
  },
  describe(p) {
    const s = [p.s1, p.s2, p.s3].filter((v) => v > 0);
    return `The engine integrates gradient flow (adaptive Dormand–Prince) for a ${p.depth}-layer linear network of width 3 on the teacher with singular values ${list(s)}, started in the teacher's singular bases with every mode at strength ${formatNumber(p.u0)}, and reports the first time at which mode ${p.mode} reaches half its singular value.`;
  },
  async run(p, host) {
    const { s, halves } = await modeHalfTimes(p, host);
    const value = halves[p.mode - 1]!;
    const all = s.map((sa, a) => (sa > 0 ? `${formatMeasured(halves[a]!)} (s = ${formatNumber(sa)})` : null)).filter(Boolean).join(', ');
    return {
      value,
      symbol: 't½',
      details: `Simulated half-times of all modes: ${all}. Mode ${p.mode} (s = ${formatNumber(s[p.mode - 1])}) crossed half its target at t = ${formatMeasured(value)}.`,
    };
  },
};

// ---------------------------------------------------------------------------------------------------------
// xy-max-stable-eta: GD on ¼(1 − w₁²w₂²)² (engine fields x, y) started next to the minimum (x0, 1/x0); bisection on η.

/** Relative width of the final bracket [stable, unstable]. */
export const ETA_PRECISION = 1e-3;
const NUDGE = 1e-6;
const XY_STEPS = 4000;

/**
 * GD from the minimum (x0, 1/x0), nudged off the valley (x0 → x0(1 + 1e-6), so xy = 1 + 1e-6). Stable means
 * the loss never rises above its starting value: near a minimum the off-valley displacement is multiplied by
 * (1 − η·sharpness) each step, so it shrinks below the threshold and grows above it.
 */
async function xyStable(x0: number, eta: number, host: EngineHost): Promise<boolean> {
  const traj = await host.run({ model: 'eos-xy', eta, x0: x0 * (1 + NUDGE), y0: 1 / x0, steps: XY_STEPS, recordEvery: 4 });
  if (traj.diverged) return false;
  const loss = traj.series.loss as number[];
  return loss.every((l) => l <= loss[0]);
}

const xyMaxStableEta: PredictionCheck = {
  params: {
    x0: { value: 2, min: 0.25, max: 8, meaning: 'x-coordinate of the minimum (x0, 1/x0)' },
  },
  describe(p) {
    return `The engine runs gradient descent on L(w₁, w₂) = ¼(1 − w₁²w₂²)² for ${XY_STEPS} steps from the minimum (${formatNumber(p.x0)}, ${formatNumber(1 / p.x0)}), nudged off the valley by a relative 10⁻⁶, and bisects on the learning rate for the largest η at which the loss never rises, to a relative precision of 10⁻³.`;
  },
  async run(p, host) {
    // Bracket without using the answer: halve until stable, double until unstable.
    let lo = 0.05;
    let runs = 0;
    const stable = async (eta: number) => (runs++, xyStable(p.x0, eta, host));
    while (!(await stable(lo))) lo /= 2;
    let hi = 2 * lo;
    while (await stable(hi)) { lo = hi; hi *= 2; }
    while (hi / lo > 1 + ETA_PRECISION) {
      const mid = Math.sqrt(lo * hi);
      if (await stable(mid)) lo = mid;
      else hi = mid;
    }
    const value = Math.sqrt(lo * hi);
    return {
      value,
      symbol: 'η*',
      details: `Stable at η = ${lo.toPrecision(5)}, unstable at η = ${hi.toPrecision(5)} (${runs} runs of ${XY_STEPS} steps); the largest stable learning rate is ${formatMeasured(value)} to within 0.1 %.`,
    };
  },
};

// ---------------------------------------------------------------------------------------------------------
// Kumar et al.'s committee machine (exercise set "grokking-lazy-rich"): the exact (w̄, Q) closure of the engine,
// from the wide initialisation w̄ = 0, Q = I, centred predictor, per-neuron learning rate η0·N/α², t = step·η0.

/** Base learning rate of every Kumar check (the engine's default); time is t = step·η0. */
export const KUMAR_ETA0 = 0.03;
/**
 * Largest steps·P·d² a Kumar check may ask for: the closure costs O(P d²) per step, and 1.2e9 (30 000 steps at
 * d = 20, P = 80 is 9.6e8) keeps one run near 1–2 s in Node and under the 5 s budget of the browser worker.
 */
export const KUMAR_COST_BUDGET = 1.2e9;

const kumarSharedParams = {
  d: { value: 20, min: 2, max: 40, integer: true, meaning: 'input dimension d' },
  P: { value: 80, min: 2, max: 400, integer: true, meaning: 'number of training examples P' },
  epsilon: { value: 0.1, min: 0.01, max: 1, meaning: 'quadratic strength ε of φ(h) = h + (ε/2)h²' },
  T: { value: 900, min: 1, max: 3000, meaning: 'training time t = steps·η0 at which the quantity is read' },
  seed: { value: 0, min: 0, max: 1000, integer: true, meaning: 'seed of the teacher β⋆ and the training inputs' },
} as const satisfies Record<string, PredictionParam>;

const kumarSteps = (T: number) => Math.max(1, Math.round(T / KUMAR_ETA0));

function kumarBudget(p: Record<string, number>, runs = 1): string | null {
  const cost = runs * kumarSteps(p.T) * p.P * p.d * p.d;
  return cost > KUMAR_COST_BUDGET
    ? `T = ${p.T} with d = ${p.d} and P = ${p.P} needs ${formatNumber(cost)} operations (${runs} run${runs > 1 ? 's' : ''}), more than the ${formatNumber(KUMAR_COST_BUDGET)} a check may use in the browser; shorten T or shrink d or P`
    : null;
}

/** One run of the closed (w̄, Q) dynamics from the wide initialisation; throws if it diverged. */
async function kumarRun(p: Record<string, number>, alpha: number, host: EngineHost): Promise<Trajectory> {
  const traj = await host.run({
    model: 'kumar-grokking', seed: p.seed, D: p.d, P: p.P, epsilon: p.epsilon, alpha, eta0: KUMAR_ETA0,
    steps: kumarSteps(p.T), records: 60, recordSpacing: 'log', method: 'closed', init: 'wide',
  });
  if (traj.diverged) throw new Error(`the run at α = ${formatNumber(alpha)} diverged at step ${traj.diverged.step} (${traj.diverged.reason}); use a larger α or a shorter T`);
  return traj;
}

const lastOf = (traj: Trajectory, name: string) => (traj.series[name] as number[]).at(-1)!;

const kumarSetting = (p: Record<string, number>) =>
  `d = ${p.d}, P = ${p.P}, ε = ${formatNumber(p.epsilon)}, |β⋆|² = d, seed ${p.seed}`;

const kumarFinalTestLoss: PredictionCheck = {
  params: { ...kumarSharedParams, alpha: { value: 1000, min: 0.5, max: 10000, meaning: 'output scale α (large: lazy)' } },
  validate: (p) => kumarBudget(p),
  describe(p) {
    return `The engine runs gradient descent on the exact (w̄, Q) dynamics of the committee machine f = (α/N)Σⱼ φ(wⱼ·x) from w̄ = 0, Q = I (centred predictor, ${formatNumber(kumarSteps(p.T))} steps of per-neuron learning rate η0·N/α² with η0 = ${KUMAR_ETA0}) at α = ${formatNumber(p.alpha)}, ${kumarSetting(p)}, and reports the exact test loss E(f̃ − y)² at t = ${formatNumber(p.T)}.`;
  },
  async run(p, host) {
    const traj = await kumarRun(p, p.alpha, host);
    const test = traj.series.testLoss as number[];
    let peak = 0;
    for (let k = 1; k < test.length; k++) if (test[k] > test[peak]) peak = k;
    const value = lastOf(traj, 'testLoss');
    return {
      value,
      symbol: 'L_test',
      details: `At t = ${formatNumber(p.T)} (α = ${formatNumber(p.alpha)}, ${kumarSetting(p)}): test loss ${formatMeasured(value)} = variance ${formatMeasured(lastOf(traj, 'testVariance'))} + misalignment ${formatMeasured(lastOf(traj, 'testAlignment'))} + linear power ${formatMeasured(lastOf(traj, 'testLinear'))}; train loss ${formatMeasured(lastOf(traj, 'trainLoss'))}. The test loss started at ${formatMeasured(test[0])} and peaked at ${formatMeasured(test[peak])} (t = ${formatNumber(traj.t[peak])}).`,
    };
  },
};

const kumarWeightChange: PredictionCheck = {
  params: { ...kumarSharedParams, alpha: { value: 0.5, min: 0.5, max: 10000, meaning: 'output scale α (small: rich)' } },
  validate: (p) => kumarBudget(p),
  describe(p) {
    return `The engine runs gradient descent on the exact (w̄, Q) dynamics of the committee machine from w̄ = 0, Q = I (centred predictor, ${formatNumber(kumarSteps(p.T))} steps, η0 = ${KUMAR_ETA0}) at α = ${formatNumber(p.alpha)}, ${kumarSetting(p)}, and reports how far the second moment has moved, ‖Q − Q₀‖_F, at t = ${formatNumber(p.T)}.`;
  },
  async run(p, host) {
    const traj = await kumarRun(p, p.alpha, host);
    const value = lastOf(traj, 'mChange');
    return {
      value,
      symbol: '‖Q − Q₀‖_F',
      details: `At t = ${formatNumber(p.T)} (α = ${formatNumber(p.alpha)}, ${kumarSetting(p)}): ‖Q − Q₀‖_F = ${formatMeasured(value)}, cosine between Q − Q₀ and β⋆β⋆ᵀ ${formatMeasured(lastOf(traj, 'mAlignment'))}, ‖w̄ − w̄₀‖ = ${formatMeasured(lastOf(traj, 'wbarNorm'))}; test loss ${formatMeasured(lastOf(traj, 'testLoss'))}, train loss ${formatMeasured(lastOf(traj, 'trainLoss'))}.`,
    };
  },
};

const kumarDisplacementRatio: PredictionCheck = {
  params: {
    ...kumarSharedParams,
    T: { value: 90, min: 1, max: 3000, meaning: 'training time t = steps·η0 at which both displacements are read' },
    alpha1: { value: 100, min: 0.5, max: 10000, meaning: 'output scale α of the first run' },
    alpha2: { value: 1000, min: 0.5, max: 10000, meaning: 'output scale α of the second run' },
  },
  validate(p) {
    if (p.alpha1 === p.alpha2) return `alpha1 and alpha2 are both ${p.alpha1}; choose two different output scales`;
    return kumarBudget(p, 2);
  },
  describe(p) {
    return `The engine runs the exact (w̄, Q) dynamics of the committee machine twice from w̄ = 0, Q = I (centred predictor, ${formatNumber(kumarSteps(p.T))} steps of per-neuron learning rate η0·N/α², η0 = ${KUMAR_ETA0}), at α = ${formatNumber(p.alpha1)} and at α = ${formatNumber(p.alpha2)}, ${kumarSetting(p)}, and reports the ratio of the two displacements ‖Q − Q₀‖_F at t = ${formatNumber(p.T)} (first run over second).`;
  },
  async run(p, host) {
    const a = await kumarRun(p, p.alpha1, host);
    const b = await kumarRun(p, p.alpha2, host);
    const qa = lastOf(a, 'mChange'), qb = lastOf(b, 'mChange');
    const value = qa / qb;
    return {
      value,
      symbol: 'ratio of ‖Q − Q₀‖_F',
      details: `At t = ${formatNumber(p.T)} (${kumarSetting(p)}): ‖Q − Q₀‖_F = ${formatMeasured(qa)} at α = ${formatNumber(p.alpha1)} and ${formatMeasured(qb)} at α = ${formatNumber(p.alpha2)}, ratio ${formatMeasured(value)}; ‖w̄ − w̄₀‖ = ${formatMeasured(lastOf(a, 'wbarNorm'))} and ${formatMeasured(lastOf(b, 'wbarNorm'))}, ratio ${formatMeasured(lastOf(a, 'wbarNorm') / lastOf(b, 'wbarNorm'))}. Test losses ${formatMeasured(lastOf(a, 'testLoss'))} and ${formatMeasured(lastOf(b, 'testLoss'))}.`,
    };
  },
};

/** Every check `<Predict check="…">` may name. */
export const predictions = {
  'mode-half-time': modeHalfTime,
  'xy-max-stable-eta': xyMaxStableEta,
  'kumar-final-test-loss': kumarFinalTestLoss,
  'kumar-weight-change': kumarWeightChange,
  'kumar-displacement-ratio': kumarDisplacementRatio,
} satisfies Record<string, PredictionCheck>;

export type PredictionName = keyof typeof predictions;
export const predictionNames = Object.keys(predictions) as PredictionName[];

/** The check called `name`, or an Error naming it and listing the known checks. */
export function getPrediction(name: string): PredictionCheck {
  const check = (predictions as Record<string, PredictionCheck>)[name];
  if (!check) throw new Error(`Unknown prediction check "${name}". Known checks: ${predictionNames.join(', ')} (src/predictions/registry.ts).`);
  return check;
}

/** Defaults overridden by the author's params; unknown names, out-of-range values and bad combinations throw. */
export function resolvePredictionParams(name: string, params: Record<string, unknown> = {}): Record<string, number> {
  const check = getPrediction(name);
  const out: Record<string, number> = {};
  for (const [k, spec] of Object.entries(check.params)) out[k] = spec.value;
  for (const [k, v] of Object.entries(params)) {
    const spec = check.params[k];
    if (!spec) throw new Error(`Prediction check "${name}" has no parameter "${k}". Its parameters: ${Object.entries(check.params).map(([n, s]) => `${n} (${s.meaning})`).join('; ')}.`);
    if (typeof v !== 'number' || !(v >= spec.min && v <= spec.max) || (spec.integer && !Number.isInteger(v))) {
      throw new Error(`Prediction check "${name}": ${k} = ${String(v)} must be ${spec.integer ? 'an integer' : 'a number'} in [${spec.min}, ${spec.max}] (${spec.meaning}).`);
    }
    out[k] = v;
  }
  const problem = check.validate?.(out);
  if (problem) throw new Error(`Prediction check "${name}": ${problem}.`);
  return out;
}

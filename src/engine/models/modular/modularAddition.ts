import { z } from 'zod';
import { createRng, permutation, truncatedNormal } from '../../core/rng.ts';
import { Recorder, progressTicker } from '../../core/recorder.ts';
import { baseFields, int, num } from '../../core/schemaHelpers.ts';
import type { RunOptions, Trajectory } from '../../core/trajectory.ts';
import { mat, matmulInto, matmulNTInto, matmulTNInto, type Mat } from '../../linalg/mat.ts';
import { createAdamW } from './adamw.ts';
import { fourierPower } from './fourier.ts';

/**
 * Grokking on modular addition with the PAIR explorable's MLP (Pearce et al. 2023):
 * logits = ReLU(E_a W_h + E_b W_h) W_o Eᵀ with a tied embedding E, AdamW, full batch.
 * One-hot inputs are implemented as row gathers (and their gradient as a scatter), which is ~2× cheaper
 * than multiplying by one-hot matrices.
 */
export const modularAdditionSchema = z.strictObject({
  ...baseFields('modular-addition'),
  /** Modulus p (number of tokens). */
  p: int(3, 127, 'modulus p').default(67),
  /** Only use unordered pairs a ≤ b, as PAIR does. */
  symmetric: z.boolean().default(true).describe('true to use only pairs a ≤ b'),
  /** Fraction of pairs used for training. */
  trainFraction: num(0.05, 0.95, 'fraction of pairs in the training set').default(0.4),
  /** Width of the tied embedding. */
  embedSize: int(2, 2048, 'embedding width').default(500),
  /** Hidden ReLU units. */
  hiddenSize: int(1, 1024, 'hidden ReLU units').default(24),
  /** AdamW learning rate. */
  lr: num(1e-6, 1, 'AdamW learning rate').default(1e-3),
  /** Decoupled weight decay (optax convention: multiplied by lr). */
  weightDecay: num(0, 100, 'AdamW weight decay').default(1),
  /** Adam first-moment decay β1. */
  beta1: num(0, 0.9999, 'Adam β1').default(0.9),
  /** Adam second-moment decay β2. */
  beta2: num(0, 0.99999, 'Adam β2').default(0.98),
  /** Adam ε added to √v̂. */
  eps: num(1e-12, 1e-2, 'Adam ε').default(1e-8),
  /** Optimisation steps (full batch). */
  steps: int(1, 500_000, 'number of AdamW steps').default(60_000),
  /** Record metrics every this many steps. */
  recordEvery: int(1, 100_000, 'steps between records').default(250),
  /** K in "fraction of embedding power in the top-K Fourier frequencies". */
  topFrequencies: int(1, 60, 'number of top Fourier frequencies').default(5),
});
export type ModularAdditionScenario = z.infer<typeof modularAdditionSchema>;

interface Split {
  trainA: Int32Array; trainB: Int32Array; trainY: Int32Array;
  testA: Int32Array; testB: Int32Array; testY: Int32Array;
}

function makeSplit(s: ModularAdditionScenario, rng: ReturnType<typeof createRng>): Split {
  const pairs: [number, number][] = [];
  for (let a = 0; a < s.p; a++) for (let b = s.symmetric ? a : 0; b < s.p; b++) pairs.push([a, b]);
  const perm = permutation(rng, pairs.length);
  const nTrain = Math.round(s.trainFraction * pairs.length);
  const pick = (from: number, to: number) => {
    const A = new Int32Array(to - from), B = new Int32Array(to - from), Y = new Int32Array(to - from);
    for (let i = from; i < to; i++) {
      const [a, b] = pairs[perm[i]];
      A[i - from] = a; B[i - from] = b; Y[i - from] = (a + b) % s.p;
    }
    return [A, B, Y] as const;
  };
  const [trainA, trainB, trainY] = pick(0, nTrain);
  const [testA, testB, testY] = pick(nTrain, pairs.length);
  return { trainA, trainB, trainY, testA, testB, testY };
}

/** Forward pass buffers for a fixed set of examples; reused every step. */
interface Batch { A: Int32Array; B: Int32Array; Y: Int32Array; pre: Mat; h: Mat; logits: Mat }
function batch(A: Int32Array, B: Int32Array, Y: Int32Array, H: number, p: number): Batch {
  return { A, B, Y, pre: mat(A.length, H), h: mat(A.length, H), logits: mat(A.length, p) };
}

/**
 * The network, its data split and AdamW state, with the forward/backward pass as closures over
 * preallocated buffers. Exposed separately so tests can check the gradient by finite differences.
 */
export function createModularNet(s: ModularAdditionScenario) {
  const rng = createRng(s.seed);
  const { p, embedSize: d, hiddenSize: H } = s;
  const split = makeSplit(s, rng);
  // Init as in the PAIR notebook: VarianceScaling(2) truncated normal for E (fan-in p, with the
  // truncation correction 0.8796), Haiku default truncated normal 1/√fan_in for the Linear layers.
  const E = mat(p, d), Wh = mat(d, H), Wo = mat(H, d);
  const eStd = Math.sqrt(2 / p) / 0.87962566103423978;
  for (let i = 0; i < E.data.length; i++) E.data[i] = truncatedNormal(rng, eStd);
  for (let i = 0; i < Wh.data.length; i++) Wh.data[i] = truncatedNormal(rng, 1 / Math.sqrt(d));
  for (let i = 0; i < Wo.data.length; i++) Wo.data[i] = truncatedNormal(rng, 1 / Math.sqrt(H));

  const EW = mat(p, H), U = mat(H, p);
  const train = batch(split.trainA, split.trainB, split.trainY, H, p);
  const test = batch(split.testA, split.testB, split.testY, H, p);
  const dLogits = mat(train.A.length, p), dU = mat(H, p), dPre = mat(train.A.length, H);
  const dEW = mat(p, H), dWo = mat(H, d), dE = mat(p, d), dEin = mat(p, d), dWh = mat(d, H);
  const adam = createAdamW([E.data.length, Wh.data.length, Wo.data.length], s.lr, s.beta1, s.beta2, s.eps, s.weightDecay);
  const params = [E.data, Wh.data, Wo.data];
  const grads = [dE.data, dWh.data, dWo.data];

  /** Forward on a batch given current EW and U; returns [PAIR loss = mean CE / p, accuracy]. */
  const forward = (bt: Batch, wantGrad: boolean): [number, number] => {
    const n = bt.A.length;
    const pre = bt.pre.data, h = bt.h.data;
    for (let i = 0; i < n; i++) {
      const ra = bt.A[i] * H, rb = bt.B[i] * H;
      for (let j = 0; j < H; j++) {
        const v = EW.data[ra + j] + EW.data[rb + j];
        pre[i * H + j] = v;
        h[i * H + j] = v > 0 ? v : 0;
      }
    }
    matmulInto(bt.logits, bt.h, U);
    const L = bt.logits.data;
    let loss = 0, correct = 0;
    const scale = 1 / (n * p);
    for (let i = 0; i < n; i++) {
      const row = i * p;
      let mx = -Infinity, arg = 0;
      for (let c = 0; c < p; c++) if (L[row + c] > mx) { mx = L[row + c]; arg = c; }
      let z = 0;
      for (let c = 0; c < p; c++) z += Math.exp(L[row + c] - mx);
      const logZ = mx + Math.log(z);
      const y = bt.Y[i];
      loss -= L[row + y] - logZ;
      if (arg === y) correct++;
      if (wantGrad) {
        for (let c = 0; c < p; c++) dLogits.data[row + c] = Math.exp(L[row + c] - logZ) * scale;
        dLogits.data[row + y] -= scale;
      }
    }
    return [loss * scale, correct / n];
  };

  /** Gradients of the PAIR loss into dE, dWh, dWo; needs forward(train, true) first. */
  const backward = () => {
    // Backward: logits = h U, U = Wo Eᵀ, h = relu(EW[a] + EW[b]), EW = E Wh.
    matmulTNInto(dU, train.h, dLogits);
    matmulNTInto(dPre, dLogits, U);
    const n = train.A.length;
    dEW.data.fill(0);
    for (let i = 0; i < n; i++) {
      const ra = train.A[i] * H, rb = train.B[i] * H;
      for (let j = 0; j < H; j++) {
        const g = train.pre.data[i * H + j] > 0 ? dPre.data[i * H + j] : 0;
        dEW.data[ra + j] += g;
        dEW.data[rb + j] += g;
      }
    }
    matmulInto(dWo, dU, E);
    matmulTNInto(dE, dU, Wo);
    matmulTNInto(dWh, E, dEW);
    matmulNTInto(dEin, dEW, Wh);
    for (let i = 0; i < dE.data.length; i++) dE.data[i] += dEin.data[i];
  };
  /** Recompute EW = E Wh and U = Wo Eᵀ after any parameter change. */
  const prepare = () => {
    matmulInto(EW, E, Wh);
    matmulNTInto(U, Wo, E);
  };
  return { split, E, Wh, Wo, train, test, params, grads, adam, forward, backward, prepare };
}

export function runModularAddition(s: ModularAdditionScenario, opts: RunOptions = {}): Trajectory {
  const { split, E, train, test, params, grads, adam, forward, backward, prepare } = createModularNet(s);
  const p = s.p;
  const rec = new Recorder();
  const tick = progressTicker(s.steps, opts.onProgress);
  const four = fourierPower(p);
  const record = (step: number, trainLoss: number, trainAcc: number) => {
    const [testLoss, testAcc] = forward(test, false);
    let w2 = 0;
    for (const arr of params) for (let i = 0; i < arr.length; i++) w2 += arr[i] * arr[i];
    const spec = four.spectrum(E);
    const total = spec.reduce((a, b) => a + b, 0) + four.dc(E);
    const sorted = Array.from(spec).sort((a, b) => b - a);
    let top = 0;
    for (let k = 0; k < Math.min(s.topFrequencies, sorted.length); k++) top += sorted[k];
    return rec.record(step, step, {
      trainLoss, testLoss, trainAcc, testAcc, weightNorm: Math.sqrt(w2),
      fourierTopFraction: top / total,
      fourierSpectrum: spec.map((v) => v / total),
    });
  };

  for (let step = 0; step <= s.steps; step++) {
    prepare();
    const [trainLoss, trainAcc] = forward(train, step < s.steps);
    if (!Number.isFinite(trainLoss)) {
      rec.diverge(step, `train loss became ${trainLoss}`);
      break;
    }
    if (step % s.recordEvery === 0 || step === s.steps) {
      if (!record(step, trainLoss, trainAcc)) break;
    }
    if (step === s.steps) break;
    backward();
    adam.step(params, grads);
    tick(step);
  }
  const last = (k: string) => {
    const arr = rec.series[k] as number[] | undefined;
    return arr && arr.length ? arr[arr.length - 1] : NaN;
  };
  const testAcc = (rec.series.testAcc as number[]) ?? [];
  const grokIdx = testAcc.findIndex((a) => a >= 0.5);
  return rec.finish(s, {
    trainAcc: last('trainAcc'), testAcc: last('testAcc'), trainLoss: last('trainLoss'), testLoss: last('testLoss'),
    weightNorm: last('weightNorm'), nTrain: split.trainA.length, nTest: split.testA.length,
    grokStep: grokIdx >= 0 ? rec.t[grokIdx] : -1,
  });
}

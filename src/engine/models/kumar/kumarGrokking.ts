import { Recorder, blowUpReason } from '../../core/recorder.ts';
import { createRng } from '../../core/rng.ts';
import type { RunOptions, Trajectory } from '../../core/trajectory.ts';
import { mat, matmulNTInto, matmulTNInto } from '../../linalg/mat.ts';
import { kumarCka, kumarTestLoss } from './kumarObservables.ts';
import { recordSteps, type KumarScenario } from './kumarSchema.ts';

/** Data, teacher and initial neurons, drawn in a fixed order so closed and direct runs share them. */
export function kumarSetup(s: KumarScenario) {
  const rng = createRng(s.seed);
  const { D, P, N } = s;
  const beta = new Float64Array(D);
  for (let i = 0; i < D; i++) beta[i] = rng.normal();
  // |β|² = D exactly, so the target's scale does not fluctuate with the seed.
  const bn = Math.sqrt(beta.reduce((a, b) => a + b * b, 0) / D);
  for (let i = 0; i < D; i++) beta[i] /= bn;
  const X = new Float64Array(P * D), y = new Float64Array(P);
  for (let m = 0; m < P; m++) {
    let bx = 0;
    for (let i = 0; i < D; i++) {
      const x = rng.normal() / Math.sqrt(D);
      X[m * D + i] = x;
      bx += beta[i] * x;
    }
    y[m] = 0.5 * bx * bx;
  }
  const W = new Float64Array(N * D);
  for (let i = 0; i < W.length; i++) W[i] = rng.normal();
  return { beta, X, y, W };
}

/** ∇_W of ½Σ_μ Δ_μ² for the direct N-neuron model, given residuals Δ = y − f̃ and pre-activations h (N×P). */
export function directGrad(s: { N: number; P: number; D: number; alpha: number; epsilon: number }, delta: Float64Array, h: Float64Array, X: Float64Array, G: Float64Array): void {
  const { N, P, D, alpha, epsilon: eps } = s;
  G.fill(0);
  for (let n = 0; n < N; n++) {
    for (let m = 0; m < P; m++) {
      const g = -(alpha / N) * delta[m] * (1 + eps * h[n * P + m]);
      for (let i = 0; i < D; i++) G[n * D + i] += g * X[m * D + i];
    }
  }
}

/** (w̄, M) = ((1/N)Σ w_i, (1/N)Σ w_i w_iᵀ). */
export function summaryStats(W: Float64Array, N: number, D: number, wbar: Float64Array, M: Float64Array): void {
  wbar.fill(0);
  M.fill(0);
  for (let n = 0; n < N; n++) {
    for (let i = 0; i < D; i++) {
      const wi = W[n * D + i];
      wbar[i] += wi / N;
      for (let j = 0; j < D; j++) M[i * D + j] += (wi * W[n * D + j]) / N;
    }
  }
}

export function runKumar(s: KumarScenario, opts: RunOptions = {}): Trajectory {
  const { D, P, N, alpha, epsilon: eps } = s;
  const { beta, X, y, W } = kumarSetup(s);
  const wbar = new Float64Array(D), M = new Float64Array(D * D);
  if (s.init === 'sampled') summaryStats(W, N, D, wbar, M);
  else for (let i = 0; i < D; i++) M[i * D + i] = 1;
  const wbar0 = wbar.slice(), M0 = M.slice();
  const Xd = new Float64Array(P * D);
  const xM0x = new Float64Array(P);
  for (let m = 0; m < P; m++) {
    let q = 0;
    for (let i = 0; i < D; i++) for (let j = 0; j < D; j++) q += X[m * D + i] * M0[i * D + j] * X[m * D + j];
    xM0x[m] = q;
  }
  const wc = new Float64Array(D), Mc = new Float64Array(D * D);
  const delta = new Float64Array(P), Mx = new Float64Array(P * D), v = new Float64Array(D), sv = new Float64Array(D), B = new Float64Array(D * D);
  const XMat = mat(P, D, X), MMat = mat(D, D, M), MxMat = mat(P, D, Mx), XdMat = mat(P, D, Xd), BMat = mat(D, D, B);
  const h = new Float64Array(N * P), h0 = new Float64Array(N * P);
  const scratch = { Mx: new Float64Array(P * D), wx: new Float64Array(P) };
  const c = s.eta0 / alpha;
  const direct = s.method === 'direct';
  const G = direct ? new Float64Array(N * D) : new Float64Array(0);
  // Pre-activations of the initial network, for the centred predictor of the direct simulation.
  const preact = (out: Float64Array) => {
    for (let n = 0; n < N; n++) for (let m = 0; m < P; m++) {
      let acc = 0;
      for (let i = 0; i < D; i++) acc += W[n * D + i] * X[m * D + i];
      out[n * P + m] = acc;
    }
  };
  if (direct) preact(h0);

  /** Residuals Δ = y − f̃ on the training set; returns the train MSE. */
  const residuals = (): number => {
    let loss = 0;
    if (direct) {
      preact(h);
      for (let m = 0; m < P; m++) {
        let f = 0;
        for (let n = 0; n < N; n++) {
          const a = h[n * P + m], a0 = h0[n * P + m];
          f += a - a0 + 0.5 * eps * (a * a - a0 * a0);
        }
        delta[m] = y[m] - (alpha / N) * f;
        loss += delta[m] * delta[m];
      }
    } else {
      // Mx_μ = M x_μ (one matrix product, shared with the update below);
      // xᵀ(M − M0)x = x·Mx − xᵀM0x with the last term cached.
      matmulNTInto(MxMat, XMat, MMat);
      for (let m = 0; m < P; m++) {
        let lin = 0, quad = 0;
        for (let i = 0; i < D; i++) {
          const xi = X[m * D + i];
          lin += (wbar[i] - wbar0[i]) * xi;
          quad += xi * Mx[m * D + i];
        }
        delta[m] = y[m] - alpha * lin - 0.5 * alpha * eps * (quad - xM0x[m]);
        loss += delta[m] * delta[m];
      }
    }
    return loss / P;
  };

  const recAt = recordSteps(s.steps, s.records, s.recordSpacing);
  const rec = new Recorder();
  const every = Math.max(1, Math.floor(s.steps / 100));
  for (let step = 0; step <= s.steps; step++) {
    const train = residuals();
    const bad = blowUpReason('train loss', train, 1e8);
    if (bad) { rec.diverge(step, bad); break; }
    if (recAt.has(step)) {
      if (direct) summaryStats(W, N, D, wbar, M);
      let mc = 0, mb = 0, bb = 0, wn = 0;
      for (let i = 0; i < D; i++) {
        wc[i] = wbar[i] - wbar0[i];
        wn += wbar[i] * wbar[i];
        for (let j = 0; j < D; j++) {
          const d = (Mc[i * D + j] = M[i * D + j] - M0[i * D + j]);
          mc += d * d;
          mb += d * beta[i] * beta[j];
          bb += (beta[i] * beta[j]) ** 2;
        }
      }
      const tl = kumarTestLoss(D, alpha, eps, beta, wc, Mc);
      const ok = rec.record(step, step * s.eta0, {
        trainLoss: train, testLoss: tl.total, testVariance: tl.variance, testAlignment: tl.alignment, testLinear: tl.linear,
        cka: kumarCka(X, P, D, eps, wbar, M, y, scratch), wbarNorm: Math.sqrt(wn), mChange: Math.sqrt(mc),
        // Cosine between M − M0 and ββᵀ: 1 once the learned quadratic form points at the target.
        mAlignment: mc > 0 ? mb / Math.sqrt(mc * bb) : 0,
      });
      if (!ok) break;
    }
    if (step === s.steps) break;
    if (direct) {
      // Per-neuron learning rate η0·N/α² on ½Σ_μ(f̃_μ − y_μ)², i.e. w_i += (η0/α) Σ_μ Δ_μ(1 + ε h_iμ) x_μ.
      directGrad(s, delta, h, X, G);
      const lr = (s.eta0 * N) / (alpha * alpha);
      for (let i = 0; i < W.length; i++) W[i] -= lr * G[i];
    } else {
      // Exact (w̄, M) closure (docs/engine-models.md), one Euler step:
      // Δw̄ = c Σ Δ(1 + ε w̄·x)x,  ΔM = c Σ Δ[x w̄ᵀ + w̄ xᵀ + ε(x (Mx)ᵀ + (Mx) xᵀ)].
      v.fill(0); sv.fill(0);
      for (let m = 0; m < P; m++) {
        let wx = 0;
        for (let i = 0; i < D; i++) wx += wbar[i] * X[m * D + i];
        const dm = delta[m];
        for (let i = 0; i < D; i++) {
          const xi = X[m * D + i];
          v[i] += dm * xi;
          sv[i] += dm * wx * xi;
          Xd[m * D + i] = dm * xi;
        }
      }
      // B = Σ_μ Δ_μ x_μ (M x_μ)ᵀ as one product (ΔX)ᵀ (MX).
      matmulTNInto(BMat, XdMat, MxMat);
      for (let i = 0; i < D; i++) {
        for (let j = 0; j < D; j++) {
          M[i * D + j] += c * (v[i] * wbar[j] + wbar[i] * v[j] + eps * (B[i * D + j] + B[j * D + i]));
        }
      }
      for (let i = 0; i < D; i++) wbar[i] += c * (v[i] + eps * sv[i]);
    }
    if (opts.onProgress && step % every === 0) opts.onProgress(step / s.steps);
  }
  const last = (k: string) => (rec.series[k] as number[] | undefined)?.at(-1) ?? NaN;
  const test = (rec.series.testLoss as number[] | undefined) ?? [];
  return rec.finish(s, {
    trainLoss: last('trainLoss'), testLoss: last('testLoss'), initialTestLoss: test[0] ?? NaN,
    peakTestLoss: test.length ? Math.max(...test) : NaN, cka: last('cka'), mAlignment: last('mAlignment'),
  });
}

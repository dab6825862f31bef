import { z } from 'zod';
import { Recorder, blowUpReason, progressTicker } from '../../core/recorder.ts';
import { createRng } from '../../core/rng.ts';
import { baseFields, int, num } from '../../core/schemaHelpers.ts';
import type { RunOptions, Trajectory } from '../../core/trajectory.ts';
import { lambdaModeTime } from '../../closed/lambdaMode.ts';
import { randomOrthonormal } from '../../linalg/orthonormal.ts';

/**
 * Dynamical mean-field theory (DMFT) of a two-layer linear network in the mean-field parametrisation
 * (Bordelon & Pehlevan 2022, arXiv:2205.09653), next to a finite-width network trained by gradient descent.
 *
 * Network of width N on P whitened inputs x_μ ∈ ℝ^d, d = P, with XᵀX/d = I; neuron j has first-layer weights
 * w_j (row j of W) and readout a_j:
 *   h_μ = W x_μ/√d ∈ ℝ^N,   f_μ = a·h_μ/(γ₀N),   W_jk, a_j ~ N(0, 1),
 * loss ½Σ_μ(y_μ − f_μ)², and gradient descent θ ← θ − η γ₀²N ∇_θ loss, so time is t = step·η. The NTK of
 * this parametrisation is K = Φ + G·XᵀX/d with Φ = HᵀH/N (feature kernel) and G = |a|²/N (gradient kernel
 * of the hidden layer), and ḟ = K(y − f) under gradient flow.
 *
 * As N → ∞ the kernels become deterministic and close on themselves (whitened data, Δ = y − f):
 *   Φ̇ = γ₀²(fΔᵀ + Δfᵀ),   Ġ = 2γ₀² f·Δ,   ḟ = (Φ + G I)Δ,   Φ(0) = I, G(0) = 1, f(0) = 0,
 * integrated here by RK4 as a P×P matrix system, with no ansatz. For a target y = |y|ŷ the solution keeps
 * Φ = I + (Φ_yy − 1)ŷŷᵀ, Φ_yy = G, and Φ_yy² − γ₀²f_y² = 1, so f_y = ŷ·f obeys
 *   ḟ_y = 2√(1 + γ₀²f_y²)(|y| − f_y),
 * lecture 1's λ-law with λ = 2/γ₀ in the time τ = γ₀t, and Φ_yy(∞) = √(1 + γ₀²|y|²).
 */
export const dmftLinearSchema = z
  .strictObject({
    ...baseFields('dmft-linear'),
    /** Feature-learning strength γ₀ of the mean-field parametrisation: γ₀ → 0 is lazy (NTK), γ₀ = O(1) rich. */
    gamma0: num(1e-3, 100, 'feature-learning strength γ₀').default(1),
    /** Norm |y| of the target vector on the P training inputs; its direction ŷ is drawn from the seed. */
    targetNorm: num(0.01, 10, 'norm |y| of the target vector').default(1),
    /** Number of training inputs P, equal to the input dimension d (whitened inputs, XᵀX/d = I). */
    P: int(2, 32, 'number of training inputs P = d').default(8),
    /** Hidden width N of the simulated network; 0 runs the DMFT only. */
    N: int(0, 4096, 'hidden width N of the simulated network (0: DMFT only)').default(512),
    /**
     * Initial weights, all N(0, 1). "mirrored": neurons come in pairs (w_j, a_j), (w_j, −a_j), so f = 0 at
     * t = 0 exactly, as in the DMFT; "gaussian": all independent, so f(0) fluctuates with variance 1/(γ₀²N).
     */
    init: z.enum(['mirrored', 'gaussian']).default('mirrored').describe('"mirrored" or "gaussian"'),
    /** Final time. */
    T: num(1e-3, 100, 'final time').default(2),
    /** Number of records after t = 0, evenly spaced in time. */
    records: int(1, 2000, 'number of records').default(100),
    /**
     * Step η as a fraction of 1/K_max, where K_max = 2√(1 + γ₀²|y|²) is the largest NTK eigenvalue the DMFT
     * reaches. Gradient descent uses η; the DMFT's RK4 uses the same step.
     */
    stepFraction: num(1e-4, 0.5, 'step η times the largest NTK eigenvalue').default(0.02),
  })
  .superRefine((s, ctx) => {
    if (s.init === 'mirrored' && s.N % 2 !== 0) {
      ctx.addIssue({ code: 'custom', path: ['N'], message: `init "mirrored" pairs the neurons, so N must be even (got ${s.N}); use ${s.N + 1} or init "gaussian"` });
    }
  });
export type DmftLinearScenario = z.infer<typeof dmftLinearSchema>;

/** Largest NTK eigenvalue along the DMFT solution: 2√(1 + γ₀²|y|²), reached as t → ∞. */
export function dmftLinearMaxKernel(gamma0: number, targetNorm: number): number {
  return 2 * Math.sqrt(1 + gamma0 * gamma0 * targetNorm * targetNorm);
}

/** Time for f_y to go from 0 to |y|/2, in closed form through the λ-law (λ = 2/γ₀, τ = γ₀t). */
export function dmftLinearHalfTime(gamma0: number, targetNorm: number): number {
  return lambdaModeTime(2 / gamma0, targetNorm, 0, targetNorm / 2) / gamma0;
}

/** Right-hand side of the DMFT kernel system; state = [Φ (P×P row-major), G, f (P)]. */
function dmftRhs(P: number, g2: number, y: Float64Array, x: Float64Array, out: Float64Array, delta: Float64Array): void {
  const G = x[P * P];
  const f0 = P * P + 1;
  let fd = 0;
  for (let m = 0; m < P; m++) {
    delta[m] = y[m] - x[f0 + m];
    fd += x[f0 + m] * delta[m];
  }
  for (let m = 0; m < P; m++) {
    for (let n = 0; n < P; n++) out[m * P + n] = g2 * (x[f0 + m] * delta[n] + delta[m] * x[f0 + n]);
  }
  out[P * P] = 2 * g2 * fd;
  for (let m = 0; m < P; m++) {
    let v = G * delta[m];
    for (let n = 0; n < P; n++) v += x[m * P + n] * delta[n];
    out[f0 + m] = v;
  }
}

export function runDmftLinear(s: DmftLinearScenario, opts: RunOptions = {}): Trajectory {
  const { P, N, gamma0: g0 } = s;
  const d = P;
  const rng = createRng(s.seed);

  // Target y = |y| ŷ with a seeded random direction ŷ in sample space ℝ^P.
  const yhat = new Float64Array(P);
  let yn = 0;
  for (let m = 0; m < P; m++) { yhat[m] = rng.normal(); yn += yhat[m] * yhat[m]; }
  yn = Math.sqrt(yn);
  const y = new Float64Array(P);
  for (let m = 0; m < P; m++) { yhat[m] /= yn; y[m] = s.targetNorm * yhat[m]; }

  const kMax = dmftLinearMaxKernel(g0, s.targetNorm);
  const steps = Math.max(1, Math.ceil((s.T * kMax) / s.stepFraction));
  const eta = s.T / steps;
  const recordAt = new Set<number>();
  for (let i = 0; i <= s.records; i++) recordAt.add(Math.round((i * steps) / s.records));

  // DMFT state [Φ, G, f] and RK4 buffers.
  const len = P * P + 1 + P;
  const x = new Float64Array(len);
  for (let m = 0; m < P; m++) x[m * P + m] = 1;
  x[P * P] = 1;
  const k1 = new Float64Array(len), k2 = new Float64Array(len), k3 = new Float64Array(len), k4 = new Float64Array(len);
  const tmp = new Float64Array(len), delta = new Float64Array(P);
  const g2 = g0 * g0;

  // Finite-width network: inputs X = √d Q (Q orthonormal, d × P), first layer W (N × d), readout a (N).
  const net = N > 0;
  const X = new Float64Array(d * P);
  const W = new Float64Array(N * d), a = new Float64Array(N);
  const Hm = new Float64Array(N * P), f = new Float64Array(P), D = new Float64Array(P), v = new Float64Array(d);
  if (net) {
    const Q = randomOrthonormal(rng, d, P);
    for (let i = 0; i < d * P; i++) X[i] = Math.sqrt(d) * Q.data[i];
    const independent = s.init === 'mirrored' ? N / 2 : N;
    for (let j = 0; j < independent; j++) {
      for (let k = 0; k < d; k++) W[j * d + k] = rng.normal();
      a[j] = rng.normal();
    }
    if (s.init === 'mirrored') {
      for (let j = 0; j < independent; j++) {
        for (let k = 0; k < d; k++) W[(j + independent) * d + k] = W[j * d + k];
        a[j + independent] = -a[j];
      }
    }
  }
  const invSqrtD = 1 / Math.sqrt(d);
  const u = new Float64Array(P);
  const recomputeH = (): void => {
    // H = W X/√d from the weights themselves.
    for (let j = 0; j < N; j++) {
      for (let m = 0; m < P; m++) {
        let acc = 0;
        for (let k = 0; k < d; k++) acc += W[j * d + k] * X[k * P + m];
        Hm[j * P + m] = acc * invSqrtD;
      }
    }
  };
  const forward = (): number => {
    // f = Hᵀa/(γ₀N), D = y − f; returns the loss.
    let loss = 0;
    for (let m = 0; m < P; m++) {
      let acc = 0;
      for (let j = 0; j < N; j++) acc += a[j] * Hm[j * P + m];
      f[m] = acc / (g0 * N);
      D[m] = y[m] - f[m];
      loss += 0.5 * D[m] * D[m];
    }
    return loss;
  };

  const rec = new Recorder();
  const tick = progressTicker(steps, opts.onProgress);
  let maxConservedDrift = 0;
  for (let step = 0; step <= steps; step++) {
    // H is updated with each rank-one step of W (exact by linearity) and recomputed from W every 64 steps.
    if (net && step % 64 === 0) recomputeH();
    const netLoss = net ? forward() : 0;
    if (net) {
      const bad = blowUpReason('netLoss', netLoss, 1e12);
      if (bad) { rec.diverge(step, bad); break; }
    }
    // DMFT observables.
    const fo = P * P + 1;
    let fy = 0, phiYY = 0, tr = 0, dmftLoss = 0;
    for (let m = 0; m < P; m++) {
      fy += yhat[m] * x[fo + m];
      tr += x[m * P + m];
      const r = y[m] - x[fo + m];
      dmftLoss += 0.5 * r * r;
      for (let n = 0; n < P; n++) phiYY += yhat[m] * x[m * P + n] * yhat[n];
    }
    const G = x[P * P];
    const conserved = phiYY * phiYY - g2 * fy * fy;
    maxConservedDrift = Math.max(maxConservedDrift, Math.abs(conserved - 1));
    if (recordAt.has(step)) {
      const values: Record<string, number> = {
        fy, phiYY, gradKernel: G, ntkYY: phiYY + G, phiPerp: (tr - phiYY) / (P - 1), loss: dmftLoss, conserved,
      };
      if (net) {
        // Φ = HᵀH/N, G = |a|²/N, K = Φ + G·XᵀX/d, all seen along ŷ; off-target part of f.
        let nfy = 0, nPhiYY = 0, nTr = 0, nG = 0, kxYY = 0;
        for (let m = 0; m < P; m++) nfy += yhat[m] * f[m];
        for (let j = 0; j < N; j++) {
          let hy = 0;
          for (let m = 0; m < P; m++) { hy += Hm[j * P + m] * yhat[m]; nTr += Hm[j * P + m] * Hm[j * P + m]; }
          nPhiYY += hy * hy;
          nG += a[j] * a[j];
        }
        nPhiYY /= N; nTr /= N; nG /= N;
        for (let m = 0; m < P; m++) {
          for (let n = 0; n < P; n++) {
            let kx = 0;
            for (let k = 0; k < d; k++) kx += X[k * P + m] * X[k * P + n];
            kxYY += yhat[m] * (kx / d) * yhat[n];
          }
        }
        let off = 0;
        for (let m = 0; m < P; m++) off += (f[m] - nfy * yhat[m]) ** 2;
        Object.assign(values, {
          netFy: nfy, netPhiYY: nPhiYY, netGradKernel: nG, netNtkYY: nPhiYY + nG * kxYY,
          netPhiPerp: (nTr - nPhiYY) / (P - 1), netLoss, netOffTarget: Math.sqrt(off),
        });
      }
      if (!rec.record(step, step * eta, values)) break;
    }
    if (step === steps) break;

    // One gradient-descent step of the network: a += ηγ₀ HΔ, W += ηγ₀ a vᵀ with v = XΔ/√d, so H += ηγ₀ a uᵀ
    // with u = Xᵀv/√d.
    if (net) {
      for (let k = 0; k < d; k++) {
        let acc = 0;
        for (let m = 0; m < P; m++) acc += X[k * P + m] * D[m];
        v[k] = acc * invSqrtD;
      }
      for (let m = 0; m < P; m++) {
        let acc = 0;
        for (let k = 0; k < d; k++) acc += X[k * P + m] * v[k];
        u[m] = acc * invSqrtD;
      }
      for (let j = 0; j < N; j++) {
        let ga = 0;
        for (let m = 0; m < P; m++) ga += Hm[j * P + m] * D[m];
        const c = eta * g0 * a[j];
        for (let k = 0; k < d; k++) W[j * d + k] += c * v[k];
        for (let m = 0; m < P; m++) Hm[j * P + m] += c * u[m];
        a[j] += eta * g0 * ga;
      }
    }
    // One RK4 step of the DMFT.
    dmftRhs(P, g2, y, x, k1, delta);
    for (let i = 0; i < len; i++) tmp[i] = x[i] + 0.5 * eta * k1[i];
    dmftRhs(P, g2, y, tmp, k2, delta);
    for (let i = 0; i < len; i++) tmp[i] = x[i] + 0.5 * eta * k2[i];
    dmftRhs(P, g2, y, tmp, k3, delta);
    for (let i = 0; i < len; i++) tmp[i] = x[i] + eta * k3[i];
    dmftRhs(P, g2, y, tmp, k4, delta);
    for (let i = 0; i < len; i++) x[i] += (eta / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    tick(step);
  }

  const last = (key: string) => (rec.series[key] as number[] | undefined)?.at(-1) ?? NaN;
  const phiInf = Math.sqrt(1 + g2 * s.targetNorm * s.targetNorm);
  const final: Record<string, number> = {
    fy: last('fy'), phiYY: last('phiYY'), ntkYY: last('ntkYY'), loss: last('loss'),
    phiYYLimit: phiInf, ntkYYLimit: 2 * phiInf, ntkPerpLimit: 1 + phiInf,
    lambdaEquivalent: 2 / g0, halfTimeClosedForm: dmftLinearHalfTime(g0, s.targetNorm),
    maxConservedDrift, eta, steps,
  };
  if (net) Object.assign(final, { netFy: last('netFy'), netPhiYY: last('netPhiYY'), netNtkYY: last('netNtkYY'), netLoss: last('netLoss') });
  return rec.finish(s, final);
}

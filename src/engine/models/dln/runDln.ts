import { integrateDP45 } from '../../core/dormandPrince.ts';
import { Recorder, blowUpReason, progressTicker } from '../../core/recorder.ts';
import { createRng, permutation } from '../../core/rng.ts';
import type { RunOptions, Trajectory } from '../../core/trajectory.ts';
import { clone, eye, mat } from '../../linalg/mat.ts';
import { singularValues } from '../../linalg/svd.ts';
import { dlnLossGrad, dlnWorkspace, forwardProducts } from './dlnGradient.ts';
import { conservedG, dlnNtk, gDrift, kernelChange, kernelTargetAlignment } from './dlnObservables.ts';
import type { DlnScenario } from './dlnSchema.ts';
import { makeData, makeInit, makeTeacher } from './dlnSetup.ts';

/**
 * Deep linear network dynamics under gradient flow (adaptive DP45), full-batch GD or minibatch SGD,
 * with optional fresh label noise. Records loss, singular values of W, teacher-mode strengths,
 * drift of the conserved G_l, NTK change/alignment and distance from init.
 */
export function runDln(sc: DlnScenario, opts: RunOptions = {}): Trajectory {
  const rng = createRng(sc.seed);
  const teacher = makeTeacher(sc, rng);
  const data = makeData(sc, teacher, rng);
  const Ws = makeInit(sc, teacher, rng);
  const W0 = Ws.map(clone);
  const L = Ws.length, n0 = sc.widths[0], nL = sc.widths[L];
  const ws = dlnWorkspace(sc.widths);
  const grads = Ws.map((W) => mat(W.rows, W.cols));
  const Sxx = data.population ? null : data.Sxx;
  const G0 = Ws.slice(0, -1).map((W) => mat(W.rows, W.rows));
  conservedG(Ws, G0);
  const Gs = G0.map((G) => mat(G.rows, G.cols));

  // NTK probes: the whitened basis for population data, else the first training inputs.
  const probes = (() => {
    if (!data.X) return eye(n0);
    const P = Math.min(sc.ntkProbes, data.X.cols);
    const X = mat(n0, P);
    for (let i = 0; i < n0; i++) for (let j = 0; j < P; j++) X.data[i * P + j] = data.X.data[i * data.X.cols + j];
    return X;
  })();
  const probeTarget = new Float64Array(probes.cols * nL);
  for (let i = 0; i < probes.cols; i++) for (let a = 0; a < nL; a++) {
    let acc = 0;
    for (let k = 0; k < n0; k++) acc += teacher.M.data[a * n0 + k] * probes.data[k * probes.cols + i];
    probeTarget[i * nL + a] = acc;
  }
  forwardProducts(ws, Ws);
  const K0 = sc.ntk ? dlnNtk(ws, probes) : null;
  const sMin = Math.min(...Array.from(teacher.s).filter((v) => v > 0));
  const rec = new Recorder();

  const observe = (step: number, t: number): boolean => {
    const loss = dlnLossGrad(ws, Ws, Sxx, data.Syx, data.Syy, null);
    const W = ws.prefix[L];
    const sv = singularValues(W);
    const k = teacher.s.length;
    const modes = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      let acc = 0;
      for (let i = 0; i < nL; i++) for (let j = 0; j < n0; j++) acc += teacher.U.data[i * k + a] * W.data[i * n0 + j] * teacher.V.data[j * k + a];
      modes[a] = acc;
    }
    let pop = 0, dist = 0;
    for (let i = 0; i < W.data.length; i++) pop += (W.data[i] - teacher.M.data[i]) ** 2;
    for (let l = 0; l < L; l++) for (let i = 0; i < Ws[l].data.length; i++) dist += (Ws[l].data[i] - W0[l].data[i]) ** 2;
    const values: Record<string, number | Float64Array> = {
      loss,
      populationLoss: 0.5 * pop,
      singularValues: sv,
      modeStrengths: modes,
      rank: sv.filter((v) => v > sMin / 2).length,
      gDrift: gDrift(Ws, G0, Gs),
      distanceFromInit: Math.sqrt(dist),
    };
    if (K0) {
      const K = dlnNtk(ws, probes);
      const ch = kernelChange(K0, K);
      values.ntkChange = ch.relative;
      values.kernelDistance = ch.distance;
      values.ntkAlignment = kernelTargetAlignment(K, probeTarget);
    }
    const bad = blowUpReason('loss', loss, 1e15);
    if (bad) {
      rec.diverge(step, bad);
      return false;
    }
    return rec.record(step, t, values);
  };

  const opt = sc.optimizer;
  if (opt.kind === 'flow') {
    const dim = Ws.reduce((a, W) => a + W.data.length, 0);
    const y0 = new Float64Array(dim);
    let off = 0;
    for (const W of Ws) { y0.set(W.data, off); off += W.data.length; }
    const unpack = (y: Float64Array) => {
      let o = 0;
      for (const W of Ws) { W.data.set(y.subarray(o, o + W.data.length)); o += W.data.length; }
    };
    const tOut = Array.from({ length: sc.records + 1 }, (_, i) => (sc.T * i) / sc.records);
    let lastProgress = 0;
    const res = integrateDP45(
      (_t, y, dy) => {
        unpack(y);
        dlnLossGrad(ws, Ws, Sxx, data.Syx, data.Syy, grads);
        let o = 0;
        for (const G of grads) { for (let i = 0; i < G.data.length; i++) dy[o + i] = -G.data[i]; o += G.data.length; }
      },
      y0,
      tOut,
      {
        rtol: opt.rtol, atol: opt.atol, maxSteps: 2_000_000,
        onOutput: (i, t, y) => { unpack(y); return observe(i, t); },
        onStep: (t) => {
          if (opts.onProgress && t - lastProgress > sc.T / 100) { lastProgress = t; opts.onProgress(t / sc.T); }
        },
      },
    );
    if (res.failure) rec.diverge(res.steps, res.failure);
    return rec.finish(sc, finalOf(rec, { integratorSteps: res.steps, rejectedSteps: res.rejected }));
  }

  const eta = opt.eta;
  const steps = Math.max(1, Math.round(sc.T / eta));
  const every = Math.max(1, Math.round(steps / sc.records));
  const tick = progressTicker(steps, opts.onProgress);
  // Minibatch / label-noise buffers, allocated once.
  const X = data.X, Y = data.Y;
  const P = X ? X.cols : 0;
  const batch = opt.kind === 'sgd' ? Math.min(opt.batchSize, P) : P;
  const SxxB = mat(n0, n0), SyxB = mat(nL, n0);
  const noisy = sc.labelNoise > 0 || opt.kind === 'sgd';
  let perm = opt.kind === 'sgd' ? permutation(rng, P) : null;
  let cursor = 0;
  const yb = new Float64Array(nL);
  for (let step = 0; step <= steps; step++) {
    if (step % every === 0 || step === steps) if (!observe(step, step * eta)) break;
    if (step === steps) break;
    let loss: number;
    if (noisy && X && Y) {
      // Statistics of this step's (mini)batch with fresh label noise.
      SxxB.data.fill(0);
      SyxB.data.fill(0);
      for (let b = 0; b < batch; b++) {
        let idx = b;
        if (perm) {
          if (cursor >= P) { perm = permutation(rng, P); cursor = 0; }
          idx = perm[cursor++];
        }
        for (let a = 0; a < nL; a++) yb[a] = Y.data[a * P + idx] + (sc.labelNoise > 0 ? sc.labelNoise * rng.normal() : 0);
        for (let i = 0; i < n0; i++) {
          const xi = X.data[i * P + idx];
          for (let j = 0; j < n0; j++) SxxB.data[i * n0 + j] += (xi * X.data[j * P + idx]) / batch;
          for (let a = 0; a < nL; a++) SyxB.data[a * n0 + i] += (yb[a] * xi) / batch;
        }
      }
      loss = dlnLossGrad(ws, Ws, SxxB, SyxB, data.Syy, grads);
    } else {
      loss = dlnLossGrad(ws, Ws, Sxx, data.Syx, data.Syy, grads);
    }
    const bad = blowUpReason('loss', loss, 1e15);
    if (bad) { rec.diverge(step, bad); break; }
    for (let l = 0; l < L; l++) {
      const w = Ws[l].data, g = grads[l].data;
      for (let i = 0; i < w.length; i++) w[i] -= eta * g[i];
    }
    tick(step);
  }
  return rec.finish(sc, finalOf(rec, { steps }));
}

function finalOf(rec: Recorder, extra: Record<string, number>): Record<string, number | number[]> {
  const out: Record<string, number | number[]> = { ...extra };
  const n = rec.t.length;
  if (!n) return out;
  for (const k of ['loss', 'populationLoss', 'gDrift', 'ntkChange', 'ntkAlignment', 'distanceFromInit', 'rank']) {
    const s = rec.series[k] as number[] | undefined;
    if (s) out[k] = s[n - 1];
  }
  for (const k of ['singularValues', 'modeStrengths']) {
    const s = rec.series[k] as number[][] | undefined;
    if (s) out[k] = s[n - 1];
  }
  return out;
}

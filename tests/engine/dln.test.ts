import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runScenario } from '../../src/engine/index.ts';
import { createRng } from '../../src/engine/core/rng.ts';
import { mat, type Mat } from '../../src/engine/linalg/mat.ts';
import { dlnLossGrad, dlnWorkspace, forwardProducts } from '../../src/engine/models/dln/dlnGradient.ts';
import { dlnNtk } from '../../src/engine/models/dln/dlnObservables.ts';
import { saxeModeValue } from '../../src/engine/closed/saxeMode.ts';
import { lambdaModeValue } from '../../src/engine/closed/lambdaMode.ts';
import { column, crossingTime, gradCheck } from './helpers.ts';

function randomMats(widths: number[], seed: number, scale = 0.5): Mat[] {
  const rng = createRng(seed);
  return widths.slice(1).map((n, l) => {
    const W = mat(n, widths[l]);
    for (let i = 0; i < W.data.length; i++) W.data[i] = scale * rng.normal();
    return W;
  });
}

describe('deep linear network', () => {
  it('gradient of a depth-3 net with non-white Σxx matches central finite differences (rel. err < 1e-6)', () => {
    const widths = [3, 4, 5, 2];
    const Ws = randomMats(widths, 1);
    const [Sxx, Syx] = randomMats([3, 3, 2], 2);
    const S = mat(3, 3);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) S.data[i * 3 + j] += Sxx.data[i * 3 + k] * Sxx.data[j * 3 + k];
    const ws = dlnWorkspace(widths);
    const grads = Ws.map((W) => mat(W.rows, W.cols));
    dlnLossGrad(ws, Ws, S, Syx, 1.7, grads);
    for (let l = 0; l < Ws.length; l++) {
      const err = gradCheck(() => dlnLossGrad(ws, Ws, S, Syx, 1.7, null), Ws[l].data, grads[l].data);
      expect(err).toBeLessThan(1e-6);
    }
  });

  it('NTK equals J Jᵀ from finite-difference Jacobians on the probe inputs', () => {
    const widths = [3, 4, 2];
    const Ws = randomMats(widths, 3);
    const ws = dlnWorkspace(widths);
    const X = randomMats([2, 3], 4)[0]; // 3×2: two probe inputs
    forwardProducts(ws, Ws);
    const K = dlnNtk(ws, X);
    const out = (): Float64Array => {
      const W = forwardProducts(ws, Ws);
      const f = new Float64Array(4);
      for (let i = 0; i < 2; i++) for (let a = 0; a < 2; a++) for (let k = 0; k < 3; k++) f[i * 2 + a] += W.data[a * 3 + k] * X.data[k * 2 + i];
      return f;
    };
    const J: number[][] = [[], [], [], []];
    for (const W of Ws) for (let p = 0; p < W.data.length; p++) {
      const v = W.data[p];
      W.data[p] = v + 1e-6;
      const fp = out();
      W.data[p] = v - 1e-6;
      const fm = out();
      W.data[p] = v;
      for (let r = 0; r < 4; r++) J[r].push((fp[r] - fm[r]) / 2e-6);
    }
    for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) {
      const jj = J[r].reduce((acc, x, i) => acc + x * J[c][i], 0);
      expect(Math.abs(K[r * 4 + c] - jj)).toBeLessThan(1e-6 * Math.max(1, Math.abs(jj)));
    }
  });

  const saxe = runScenario({
    model: 'dln', widths: [5, 4, 5], teacher: { singularValues: [3, 2, 1] }, init: { kind: 'aligned', u0: 1e-3 },
    optimizer: { kind: 'flow' }, T: 6, records: 600,
  });

  it('aligned balanced gradient flow follows Saxe’s closed form with max error < 1e-4·max s', () => {
    const modes = saxe.series.modeStrengths as number[][];
    let worst = 0;
    [3, 2, 1].forEach((s, a) => saxe.t.forEach((t, i) => (worst = Math.max(worst, Math.abs(modes[i][a] - saxeModeValue(s, 1e-3, t))))));
    expect(worst).toBeLessThan(1e-4 * 3);
  });

  it('recovers Saxe half-times 1.33, 1.90, 3.45 for s = (3,2,1), u0 = 1e-3 from the simulated modes', () => {
    const modes = saxe.series.modeStrengths as number[][];
    [3, 2, 1].forEach((s, a) => {
      const th = crossingTime(saxe.t, column(modes, a), s / 2);
      expect(Math.abs(th - [1.33, 1.9, 3.45][a]) / [1.33, 1.9, 3.45][a]).toBeLessThan(0.01);
    });
  });

  it('loss plateaus at ½Σ_{α>k} s_α² between transitions (saddle-to-saddle staircase)', () => {
    const r = runScenario({
      model: 'dln', widths: [4, 4, 4], teacher: { singularValues: [3, 2, 1] }, init: { kind: 'aligned', u0: 1e-12 },
      optimizer: { kind: 'flow', rtol: 1e-10, atol: 1e-24 }, T: 20, records: 400,
    });
    const loss = r.series.loss as number[];
    const at = (t: number) => loss[r.t.findIndex((x) => x >= t)];
    const ht = [3, 2, 1].map((s) => Math.log(s / 1e-12) / (2 * s));
    expect(Math.abs(at(0.5 * ht[0]) - 7) / 7).toBeLessThan(0.01); // ½(9 + 4 + 1)
    expect(Math.abs(at((ht[0] + ht[1]) / 2) - 2.5) / 2.5).toBeLessThan(0.03);
    expect(Math.abs(at((ht[1] + ht[2]) / 2) - 0.5) / 0.5).toBeLessThan(0.03);
    expect(loss[loss.length - 1]).toBeLessThan(1e-6);
    expect(r.series.rank as number[]).toContain(1);
    expect(r.series.rank as number[]).toContain(2);
  });

  it('conserves G_l = W_{l+1}ᵀW_{l+1} − W_lW_lᵀ to < 1e-6 (relative) under gradient flow from a random depth-3 init', () => {
    const r = runScenario({
      model: 'dln', widths: [4, 5, 5, 3], teacher: { singularValues: [2, 1] }, init: { kind: 'gaussian', sigma: 0.3 },
      optimizer: { kind: 'flow' }, T: 5, records: 50,
    });
    expect(Math.max(...(r.series.gDrift as number[]))).toBeLessThan(1e-6);
    expect(r.final.loss as number).toBeLessThan(0.01);
  });

  it('under GD the drift of G over a fixed number of steps scales like η² (halving η divides it by ≈4)', () => {
    const drift = (eta: number) => {
      const r = runScenario({
        model: 'dln', widths: [4, 5, 3], teacher: { singularValues: [2, 1] }, init: { kind: 'gaussian', sigma: 0.5 },
        optimizer: { kind: 'gd', eta }, T: 10 * eta, records: 1, ntk: false,
      });
      return r.final.gDrift as number;
    };
    const ratio = drift(0.002) / drift(0.001);
    expect(ratio).toBeGreaterThan(3.5);
    expect(ratio).toBeLessThan(4.5);
  });

  it('λ-balanced two-layer flow follows the scalar law du/dt = sqrt(λ²+4u²)(s−u) for λ = 0.5 and 4', () => {
    for (const lambda of [0.5, 4]) {
      const r = runScenario({
        model: 'dln', widths: [3, 3, 3], teacher: { singularValues: [2, 1, 0.5] }, init: { kind: 'lambda', lambda, u0: 1e-3 },
        optimizer: { kind: 'flow' }, T: 2, records: 40,
      });
      const modes = r.series.modeStrengths as number[][];
      let worst = 0;
      [2, 1, 0.5].forEach((s, a) => r.t.forEach((t, i) => (worst = Math.max(worst, Math.abs(modes[i][a] - lambdaModeValue(lambda, s, 1e-3, t))))));
      expect(worst).toBeLessThan(1e-6);
    }
  });

  it('property: λ is conserved by gradient flow for any λ, teacher and u0', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }), fc.double({ min: 1e-3, max: 0.5, noNaN: true }), fc.integer({ min: 0, max: 1000 }), (lambda, s, u0, seed) => {
        const r = runScenario({
          model: 'dln', seed, widths: [2, 2, 2], teacher: { singularValues: [s, s / 2] }, init: { kind: 'lambda', lambda, u0, aligned: false },
          optimizer: { kind: 'flow' }, T: 1, records: 4, ntk: false,
        });
        return (r.series.gDrift as number[]).every((d) => d < 1e-7);
      }),
      { numRuns: 15 },
    );
  });

  it('from small random init the rank of W increments one mode at a time and GD reaches the teacher', () => {
    const r = runScenario({
      model: 'dln', widths: [6, 6, 6], teacher: { singularValues: [3, 2, 1, 0.5] }, init: { kind: 'gaussian', sigma: 1e-3 },
      optimizer: { kind: 'gd', eta: 0.01 }, T: 25, records: 250,
    });
    const rank = r.series.rank as number[];
    for (let i = 1; i < rank.length; i++) expect(rank[i] - rank[i - 1]).toBeLessThanOrEqual(1);
    expect(rank[rank.length - 1]).toBe(4);
    expect(r.final.populationLoss as number).toBeLessThan(1e-3);
    expect(r.final.ntkChange as number).toBeGreaterThan(10);
  });

  it('minibatch SGD with label noise on a dataset still learns and stays finite', () => {
    const r = runScenario({
      model: 'dln', seed: 3, widths: [4, 8, 4], teacher: { singularValues: [2, 1] }, data: { kind: 'dataset', samples: 64 },
      init: { kind: 'gaussian', sigma: 0.05 }, optimizer: { kind: 'sgd', eta: 0.02, batchSize: 8 }, labelNoise: 0.1, T: 20, records: 50,
    });
    expect(r.diverged).toBeNull();
    expect(r.final.populationLoss as number).toBeLessThan(0.05);
  });
});

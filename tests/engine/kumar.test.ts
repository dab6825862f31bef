import { describe, expect, it } from 'vitest';
import { runScenario, parseScenario } from '../../src/engine/index.ts';
import { directGrad, kumarSetup } from '../../src/engine/models/kumar/kumarGrokking.ts';
import { kumarTestLoss } from '../../src/engine/models/kumar/kumarObservables.ts';
import type { KumarScenario } from '../../src/engine/models/kumar/kumarSchema.ts';
import { createRng } from '../../src/engine/core/rng.ts';
import { gradCheck } from './helpers.ts';

describe('Kumar et al. grokking toy (committee machine)', () => {
  it('direct-model gradient matches central finite differences (rel. err < 1e-6)', () => {
    const s = parseScenario({ model: 'kumar-grokking', D: 4, P: 6, N: 3, epsilon: 0.3, alpha: 2 }) as unknown as KumarScenario;
    const { X, y, W } = kumarSetup(s);
    const W0 = W.slice();
    const h = new Float64Array(s.N * s.P), delta = new Float64Array(s.P);
    const f = (w: Float64Array) => {
      let loss = 0;
      for (let m = 0; m < s.P; m++) {
        let out = 0;
        for (let n = 0; n < s.N; n++) {
          let a = 0, a0 = 0;
          for (let i = 0; i < s.D; i++) { a += w[n * s.D + i] * X[m * s.D + i]; a0 += W0[n * s.D + i] * X[m * s.D + i]; }
          h[n * s.P + m] = a;
          out += a - a0 + 0.5 * s.epsilon * (a * a - a0 * a0);
        }
        delta[m] = y[m] - (s.alpha / s.N) * out;
        loss += 0.5 * delta[m] ** 2;
      }
      return loss;
    };
    const w = W.map((v, i) => v + 0.3 * Math.sin(i));
    f(w);
    const G = new Float64Array(w.length);
    directGrad(s, delta, h, X, G);
    expect(gradCheck(f, w, G)).toBeLessThan(1e-6);
  });

  it('three-term test-loss decomposition equals a Monte-Carlo estimate of E(f̃ − y)² (within 3%)', () => {
    const D = 6, alpha = 1.5, eps = 0.4, rng = createRng(9);
    const beta = new Float64Array(D).map(() => rng.normal());
    const wc = new Float64Array(D).map(() => 0.3 * rng.normal());
    const Mc = new Float64Array(D * D);
    for (let i = 0; i < D; i++) for (let j = 0; j <= i; j++) Mc[i * D + j] = Mc[j * D + i] = 0.5 * rng.normal();
    const exact = kumarTestLoss(D, alpha, eps, beta, wc, Mc).total;
    let mc = 0;
    const S = 200_000, x = new Float64Array(D);
    for (let s = 0; s < S; s++) {
      for (let i = 0; i < D; i++) x[i] = rng.normal() / Math.sqrt(D);
      let lin = 0, quad = 0, bx = 0;
      for (let i = 0; i < D; i++) {
        lin += wc[i] * x[i];
        bx += beta[i] * x[i];
        for (let j = 0; j < D; j++) quad += x[i] * Mc[i * D + j] * x[j];
      }
      mc += (alpha * lin + 0.5 * alpha * eps * quad - 0.5 * bx * bx) ** 2;
    }
    expect(Math.abs(mc / S - exact) / exact).toBeLessThan(0.03);
  });

  it('closed (w̄, M) dynamics and the direct N-neuron simulation agree, with the gap shrinking ≈2× when the step halves', () => {
    const gap = (eta0: number) => {
      const base = { model: 'kumar-grokking', D: 10, P: 30, N: 40, epsilon: 0.2, alpha: 1, eta0, steps: Math.round(20 / eta0), records: 11, recordSpacing: 'linear' };
      const a = runScenario({ ...base, method: 'closed' }), b = runScenario({ ...base, method: 'direct' });
      const ta = a.series.testLoss as number[], tb = b.series.testLoss as number[];
      expect(a.t).toEqual(b.t);
      return Math.max(...ta.map((v, i) => Math.abs(v - tb[i])));
    };
    const g1 = gap(0.04), g2 = gap(0.02);
    expect(g1).toBeLessThan(0.05);
    expect(g1 / g2).toBeGreaterThan(1.6);
    expect(g1 / g2).toBeLessThan(2.5);
  });

  const run = (alpha: number) => runScenario({ model: 'kumar-grokking', alpha, steps: 10_000, records: 60 });

  it('at α = 1 test loss first rises, then falls far below its start long after the train loss is ≈ 0', () => {
    const r = run(1);
    const train = r.series.trainLoss as number[], test = r.series.testLoss as number[];
    expect(Math.max(...test)).toBeGreaterThan(test[0] * 1.1);
    const fit = train.findIndex((v) => v < 0.05 * train[0]);
    expect(fit).toBeGreaterThan(0);
    expect(test[fit]).toBeGreaterThan(0.3 * test[0]);
    const late = test.findIndex((v) => v < 0.1 * test[0]);
    expect(r.t[late]).toBeGreaterThan(3 * r.t[fit]);
    expect(test.at(-1)!).toBeLessThan(0.05 * test[0]);
    expect(r.final.mAlignment as number).toBeGreaterThan(0.9);
  });

  it('at α = 100 (lazy) the train loss still goes to ≈ 0 but the test loss stays high', () => {
    const r = run(100);
    const test = r.series.testLoss as number[];
    expect(test.at(-1)!).toBeGreaterThan(0.5 * test[0]);
    expect((r.series.cka as number[]).at(-1)! - (r.series.cka as number[])[0]).toBeLessThan(0.002);
  });

  it('an over-large step (α = 0.3) is reported as divergence with its step, without NaN in the output', () => {
    const r = runScenario({ model: 'kumar-grokking', alpha: 0.3, steps: 5000, records: 30 });
    expect(r.diverged?.step).toBeGreaterThan(0);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });
});

import { describe, expect, it } from 'vitest';
import { lambdaModeValue, parseScenario, runScenario, ScenarioError } from '../../src/engine/index.ts';

const run = (p: Record<string, unknown>) => runScenario({ model: 'dmft-linear', ...p });
const series = (r: ReturnType<typeof run>, k: string) => r.series[k] as number[];
const rms = (a: number[], b: number[]) => Math.sqrt(a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0) / a.length);

describe('dmft-linear: DMFT of a two-layer linear network in the mean-field parametrisation', () => {
  it('integrates to lecture 1’s λ-law: f_y(t) = u(γ₀t) with λ = 2/γ₀, s = |y| and u(0) = 0', () => {
    for (const gamma0 of [0.2, 1, 5]) {
      for (const targetNorm of [1, 2]) {
        const r = run({ gamma0, targetNorm, N: 0, T: 2, records: 50 });
        const fy = series(r, 'fy');
        r.t.forEach((t, k) => expect(Math.abs(fy[k] - lambdaModeValue(2 / gamma0, targetNorm, 0, gamma0 * t))).toBeLessThan(1e-8));
      }
    }
  });

  it('keeps the feature kernel I + (Φ_yy − 1)ŷŷᵀ with Φ_yy = G and conserves Φ_yy² − γ₀²f_y² = 1', () => {
    const r = run({ gamma0: 4, N: 0, T: 2 });
    expect(r.final.maxConservedDrift as number).toBeLessThan(1e-9);
    const phi = series(r, 'phiYY'), G = series(r, 'gradKernel'), perp = series(r, 'phiPerp');
    phi.forEach((v, k) => {
      expect(Math.abs(v - G[k])).toBeLessThan(1e-10);
      expect(Math.abs(perp[k] - 1)).toBeLessThan(1e-10);
    });
    expect(phi.at(-1)!).toBeGreaterThan(3);
  });

  it('relaxes exponentially, f_y = |y|(1 − e^{−2t}), in the lazy limit γ₀ → 0', () => {
    const r = run({ gamma0: 1e-3, targetNorm: 1.5, N: 0, T: 3 });
    const fy = series(r, 'fy');
    r.t.forEach((t, k) => expect(Math.abs(fy[k] - 1.5 * (1 - Math.exp(-2 * t)))).toBeLessThan(1e-6));
    expect(Math.abs(series(r, 'phiYY').at(-1)! - 1)).toBeLessThan(1e-5);
  });

  it('ends at the closed-form kernels Φ_yy(∞) = √(1 + γ₀²|y|²) and K_yy(∞) = 2√(1 + γ₀²|y|²)', () => {
    for (const [gamma0, targetNorm] of [[3, 1], [0.5, 2], [10, 0.5]]) {
      const r = run({ gamma0, targetNorm, N: 0, T: 15, records: 10 });
      const phiInf = Math.sqrt(1 + gamma0 * gamma0 * targetNorm * targetNorm);
      expect(r.final.phiYYLimit).toBeCloseTo(phiInf, 12);
      expect(Math.abs((r.final.phiYY as number) - phiInf)).toBeLessThan(1e-6);
      expect(Math.abs((r.final.ntkYY as number) - 2 * phiInf)).toBeLessThan(1e-6);
      expect(Math.abs((r.final.fy as number) - targetNorm)).toBeLessThan(1e-6);
    }
  });

  it('is sigmoidal (convex somewhere) exactly when γ₀|y| > 2√2, concave throughout below', () => {
    const maxSecondDifference = (gamma0: number) => {
      const r = run({ gamma0, N: 0, T: 1.5, records: 300 });
      const fy = series(r, 'fy'), t = r.t;
      let m = -Infinity; // largest change of slope between neighbouring record intervals
      for (let k = 1; k < fy.length - 1; k++) m = Math.max(m, (fy[k + 1] - fy[k]) / (t[k + 1] - t[k]) - (fy[k] - fy[k - 1]) / (t[k] - t[k - 1]));
      return m;
    };
    expect(maxSecondDifference(4)).toBeGreaterThan(1e-2);
    expect(maxSecondDifference(2.5)).toBeLessThan(0);
    expect(maxSecondDifference(0.1)).toBeLessThan(0);
  });

  it('the half-time matches the closed form through the λ-law', () => {
    for (const gamma0 of [0.1, 1, 10]) {
      const r = run({ gamma0, N: 0, T: 1, records: 1000 });
      const fy = series(r, 'fy');
      const k = fy.findIndex((v) => v >= 0.5);
      const tHalf = r.t[k - 1] + ((0.5 - fy[k - 1]) / (fy[k] - fy[k - 1])) * (r.t[k] - r.t[k - 1]);
      expect(Math.abs(tHalf - (r.final.halfTimeClosedForm as number))).toBeLessThan(1e-5);
    }
  });

  it('a finite-width network trained by gradient descent approaches the DMFT as N grows', () => {
    const kernelGap = (N: number) => {
      let s = 0;
      for (const seed of [0, 1, 2, 3]) {
        const r = run({ gamma0: 3, N, seed, T: 1.5, records: 30 });
        s += rms(series(r, 'netPhiYY'), series(r, 'phiYY'));
      }
      return s / 4;
    };
    const small = kernelGap(32), large = kernelGap(512);
    expect(small / large).toBeGreaterThan(2.5); // 1/√N predicts 4
    const r = run({ gamma0: 3, N: 512, T: 1.5, records: 30 });
    const fy = series(r, 'fy'), net = series(r, 'netFy');
    expect(Math.max(...fy.map((v, k) => Math.abs(v - net[k])))).toBeLessThan(0.03);
    expect(Math.abs((r.final.netPhiYY as number) - (r.final.phiYY as number)) / (r.final.phiYY as number)).toBeLessThan(0.05);
  });

  it('feature learning shrinks the finite-width fluctuation of the final kernel, which laziness freezes', () => {
    const spread = (gamma0: number) => {
      let s = 0;
      for (const seed of [0, 1, 2, 3, 4, 5]) {
        const r = run({ gamma0, N: 64, seed, T: 2, records: 4 });
        s += (((r.final.netPhiYY as number) - (r.final.phiYY as number)) / (r.final.phiYY as number)) ** 2;
      }
      return Math.sqrt(s / 6);
    };
    const lazy = spread(0.05), rich = spread(10);
    expect(lazy).toBeGreaterThan(0.15); // the initial spread, about √(4/N) with N/2 independent neurons
    expect(lazy / rich).toBeGreaterThan(5);
  });

  it('the network’s NTK equals Φ + G·XᵀX/d, so along ŷ it starts near 2 and the off-target output stays small', () => {
    const r = run({ gamma0: 2, N: 1024, T: 1, records: 20 });
    expect(Math.abs(series(r, 'netNtkYY')[0] - 2)).toBeLessThan(0.15);
    expect(Math.max(...series(r, 'netOffTarget'))).toBeLessThan(0.05);
  });

  it('starts at f = 0 with the mirrored start; the Gaussian start has f(0) of size 1/(γ₀√N)', () => {
    expect(Math.abs(series(run({ gamma0: 0.5, N: 64, records: 2 }), 'netFy')[0])).toBeLessThan(1e-12);
    const f0 = Array.from({ length: 40 }, (_, seed) => series(run({ gamma0: 0.5, N: 64, seed, init: 'gaussian', T: 1e-3, records: 1 }), 'netFy')[0]);
    const sd = Math.sqrt(f0.reduce((s, v) => s + v * v, 0) / f0.length);
    expect(sd).toBeGreaterThan(0.6 * (1 / (0.5 * 8)));
    expect(sd).toBeLessThan(1.4 * (1 / (0.5 * 8)));
  });

  it('is deterministic: the same scenario gives the same bytes, another seed another network', () => {
    const sc = { gamma0: 2, N: 64, T: 0.5, records: 5 };
    expect(JSON.stringify(run(sc))).toBe(JSON.stringify(run(sc)));
    expect(JSON.stringify(run({ ...sc, seed: 1 }).series.netPhiYY)).not.toBe(JSON.stringify(run(sc).series.netPhiYY));
  });

  it('rejects an odd width with the mirrored start and names the field', () => {
    expect(() => parseScenario({ model: 'dmft-linear', N: 33 })).toThrow(ScenarioError);
    try { parseScenario({ model: 'dmft-linear', N: 33 }); } catch (e) { expect((e as ScenarioError).issues.join('\n')).toMatch(/^\s*-?\s*N:.*even/m); }
    expect(() => parseScenario({ model: 'dmft-linear', N: 33, init: 'gaussian' })).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runScenario } from '../../src/engine/index.ts';
import { createRng } from '../../src/engine/core/rng.ts';
import { isingFreeEnergy } from '../../src/engine/models/phase/isingMeanField.ts';
import { kendallTau, rollingStats } from '../../src/engine/ews/rollingStats.ts';

describe('mean-field Ising', () => {
  it('T sweep at B = 0 is continuous: m > 0 below T_c = qJ, m = 0 above, m² ≈ 3(T_c − T)/T near T_c, no hysteresis', () => {
    const r = runScenario({ model: 'ising-mf', sweep: 'T', from: 1, to: 6, points: 501, B: 0 });
    const T = r.t, m = r.series.mUp as number[], down = r.series.mDown as number[];
    T.forEach((t, i) => {
      if (t < 3.9) expect(m[i]).toBeGreaterThan(0.1);
      if (t > 4.1) expect(Math.abs(m[i])).toBeLessThan(1e-6);
      expect(Math.abs(m[i] - down[i])).toBeLessThan(5e-3);
      // Self-consistency m = tanh((qJm + B)/T).
      expect(Math.abs(m[i] - Math.tanh((4 * m[i]) / t))).toBeLessThan(1e-6);
    });
    const i = T.findIndex((t) => t >= 3.96);
    expect(Math.abs(m[i] ** 2 / ((3 * (4 - T[i])) / T[i]) - 1)).toBeLessThan(0.05);
    const chi = r.series.susceptibility as number[];
    expect(Math.max(...chi)).toBe(chi[T.findIndex((t) => t >= 4) - 1] > chi[T.findIndex((t) => t >= 4)] ? chi[T.findIndex((t) => t >= 4) - 1] : chi[T.findIndex((t) => t >= 4)]);
  });

  it('B sweep below T_c is first-order with hysteresis; above T_c it is smooth and reversible', () => {
    const cold = runScenario({ model: 'ising-mf', sweep: 'B', from: -1.5, to: 1.5, T: 2 });
    expect(cold.final.maxHysteresisGap as number).toBeGreaterThan(1);
    const mUp = cold.series.mUp as number[];
    const jumps = mUp.slice(1).map((v, i) => v - mUp[i]);
    expect(Math.max(...jumps)).toBeGreaterThan(1);
    // The up-sweep jumps at the spinodal B_s = qJ·m_s − T·atanh(m_s) with 1 − m_s² = T/(qJ): B_s ≈ 1.066.
    const jumpAt = cold.t[jumps.indexOf(Math.max(...jumps)) + 1];
    expect(Math.abs(jumpAt - 1.066)).toBeLessThan(0.02);
    const hot = runScenario({ model: 'ising-mf', sweep: 'B', from: -1, to: 1, T: 6 });
    expect(hot.final.maxHysteresisGap as number).toBeLessThan(1e-6);
  });

  it('the equilibrium branch is the lower free-energy minimum, and f is minimal at the self-consistent m', () => {
    const r = runScenario({ model: 'ising-mf', sweep: 'B', from: -0.5, to: 0.5, T: 3, points: 21 });
    const mEq = r.series.mEq as number[];
    r.t.forEach((B, i) => {
      const f = isingFreeEnergy(mEq[i], 3, B, 4, 1);
      for (const d of [-1e-3, 1e-3]) expect(isingFreeEnergy(mEq[i] + d, 3, B, 4, 1)).toBeGreaterThan(f);
      if (Math.abs(B) > 0.01) expect(Math.sign(mEq[i])).toBe(Math.sign(B));
    });
  });
});

describe('early-warning signals', () => {
  it('recover lag-1 autocorrelation φ and variance σ²/(1 − φ²) of a long AR(1) series', () => {
    const rng = createRng(1);
    for (const phi of [0.5, 0.9]) {
      const x: number[] = [0];
      for (let i = 1; i < 200_000; i++) x.push(phi * x[i - 1] + rng.normal());
      const s = rollingStats(x, x.length, 'none');
      expect(Math.abs(s.ac1.at(-1)! - phi)).toBeLessThan(0.01);
      expect(Math.abs(s.variance.at(-1)! * (1 - phi * phi) - 1)).toBeLessThan(0.05);
    }
  });

  it('property: a constant or (after detrending) linear series has zero rolling variance', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: 3, max: 50 }), (c, slope, w) => {
        const constant = rollingStats(Array(80).fill(c), w, 'none');
        const linear = rollingStats(Array.from({ length: 80 }, (_, i) => c + slope * i), w, 'linear');
        const tol = 1e-18 * (1 + c * c + slope * slope * 1e4) + 1e-20;
        return constant.variance.every((v) => v <= tol) && linear.variance.every((v) => v <= 1e-12 * (1 + c * c + slope * slope * 1e4));
      }),
      { numRuns: 100 },
    );
  });

  it('noisy fold: rolling variance and AC1 trend upwards before the fold, then x jumps to the upper branch', () => {
    const r = runScenario({ model: 'fold', seed: 2 });
    const foldTime = r.final.foldTime as number;
    const before = r.t.map((t, i) => [t, i] as const).filter(([t]) => t > 60 && t < foldTime - 5).map(([, i]) => i);
    const v = before.map((i) => (r.series.rollingVariance as number[])[i]);
    const a = before.map((i) => (r.series.rollingAc1 as number[])[i]);
    expect(kendallTau(v)).toBeGreaterThan(0.5);
    expect(kendallTau(a)).toBeGreaterThan(0.5);
    expect(r.final.tipTime as number).toBeGreaterThan(foldTime - 10);
    expect(r.final.tipTime as number).toBeLessThan(foldTime + 60);
    expect((r.series.x as number[]).at(-1)!).toBeGreaterThan(1);
  });
});

describe('rolling statistics implementations', () => {
  it('the O(n) running-sum path equals the direct windowed computation', () => {
    const rng = createRng(4);
    const x = Array.from({ length: 300 }, (_, i) => Math.sin(i / 7) + rng.normal());
    const fast = rollingStats(x, 40, 'none');
    for (const end of [2, 10, 39, 40, 41, 150, 299]) {
      const w = x.slice(Math.max(0, end - 39), end + 1);
      const mu = w.reduce((a, b) => a + b, 0) / w.length;
      const v = w.reduce((a, b) => a + (b - mu) ** 2, 0);
      let c = 0;
      for (let k = 1; k < w.length; k++) c += (w[k] - mu) * (w[k - 1] - mu);
      expect(fast.variance[end]).toBeCloseTo(v / (w.length - 1), 10);
      expect(fast.ac1[end]).toBeCloseTo(c / v, 10);
    }
  });
});

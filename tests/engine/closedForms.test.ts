import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { saxeHalfTime, saxeModeTime, saxeModeValue } from '../../src/engine/closed/saxeMode.ts';
import { depthHalfTime, depthModeTime, depthModeValue } from '../../src/engine/closed/depthMode.ts';
import { lambdaHalfTime, lambdaModeTime, lambdaModeValue } from '../../src/engine/closed/lambdaMode.ts';

/** Reference: classical RK4 on a scalar ODE with a fine fixed step. */
function rk4(f: (u: number) => number, u0: number, T: number, dt = 1e-4): number {
  let u = u0;
  const n = Math.ceil(T / dt);
  dt = T / n;
  for (let i = 0; i < n; i++) {
    const k1 = f(u), k2 = f(u + (dt / 2) * k1), k3 = f(u + (dt / 2) * k2), k4 = f(u + dt * k3);
    u += (dt / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
  }
  return u;
}

describe('closed forms', () => {
  it('recovers Saxe half-times 1.33, 1.90, 3.45 for s = (3,2,1), u0 = 1e-3', () => {
    const ht = [3, 2, 1].map((s) => saxeHalfTime(s, 1e-3));
    [1.33, 1.9, 3.45].forEach((v, i) => expect(Math.abs(ht[i] - v) / v).toBeLessThan(0.01));
  });

  it('depth-2 quadrature, λ = 0 closed form and Saxe agree to 1e-10', () => {
    for (const s of [3, 2, 1, 0.5]) {
      expect(depthHalfTime(2, s, 1e-3)).toBeCloseTo(saxeHalfTime(s, 1e-3), 10);
      expect(lambdaHalfTime(0, s, 1e-3)).toBeCloseTo(saxeHalfTime(s, 1e-3), 10);
      expect(depthModeTime(2, s, 1e-4, 0.999 * s)).toBeCloseTo(saxeModeTime(s, 1e-4, 0.999 * s), 8);
    }
  });

  it('depth-N half-times match simulated GD values 9.15 (L=3) and 15.5 (L=4) for s=1, u0=1e-3', () => {
    expect(Math.abs(depthHalfTime(3, 1, 1e-3) - 9.15) / 9.15).toBeLessThan(0.01);
    expect(Math.abs(depthHalfTime(4, 1, 1e-3) - 15.5) / 15.5).toBeLessThan(0.01);
  });

  it('depth-N mode value matches an RK4 solution of du/dt = N u^(2-2/N)(s-u)', () => {
    for (const N of [2, 3, 4]) {
      const T = depthHalfTime(N, 1.5, 0.01) * 1.3;
      const ref = rk4((u) => N * Math.pow(u, 2 - 2 / N) * (1.5 - u), 0.01, T, 1e-4);
      expect(Math.abs(depthModeValue(N, 1.5, 0.01, T) - ref)).toBeLessThan(1e-7);
    }
  });

  it('λ-mode closed form matches RK4 of du/dt = sqrt(λ²+4u²)(s-u), including u(1) = 0.053/1.594/1.989 for λ = 0/0.5/4', () => {
    const expected = [0.053, 1.594, 1.989];
    [0, 0.5, 4].forEach((lam, i) => {
      const ref = rk4((u) => Math.sqrt(lam * lam + 4 * u * u) * (2 - u), 1e-3, 1, 1e-4);
      const v = lambdaModeValue(lam, 2, 1e-3, 1);
      expect(Math.abs(v - ref)).toBeLessThan(1e-8);
      expect(Math.abs(v - expected[i])).toBeLessThan(2e-3);
    });
  });

  it('λ = 0 is logistic growth and |λ| ≫ s is exponential relaxation at rate |λ|', () => {
    for (const t of [0.5, 1, 2]) expect(lambdaModeValue(0, 1, 1e-3, t)).toBeCloseTo(saxeModeValue(1, 1e-3, t), 9);
    const lam = 200, s = 1, u0 = 0.01;
    for (const t of [0.002, 0.01, 0.02]) {
      const lazy = s + (u0 - s) * Math.exp(-lam * t);
      expect(Math.abs(lambdaModeValue(lam, s, u0, t) - lazy)).toBeLessThan(2e-3);
    }
  });

  it('property: every closed-form trajectory is monotone increasing in t and stays below s', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        (s, u0, lam, t) => {
          const a = lambdaModeValue(lam, s, u0, t), b = lambdaModeValue(lam, s, u0, t * 1.5);
          const c = saxeModeValue(s, u0, t), d = saxeModeValue(s, u0, t * 1.5);
          return a <= b && b <= s && c <= d && d <= s && a >= u0;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: half-times decrease with s (stronger modes are learned first)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 5, noNaN: true }), fc.double({ min: 1e-5, max: 1e-2, noNaN: true }), fc.integer({ min: 2, max: 5 }), (s, u0, N) =>
        depthHalfTime(N, s * 1.2, u0) < depthHalfTime(N, s, u0) && lambdaHalfTime(0.3, s * 1.2, u0) < lambdaHalfTime(0.3, s, u0),
      ),
      { numRuns: 100 },
    );
  });

  it('rejects out-of-range arguments instead of returning NaN', () => {
    expect(() => saxeModeTime(1, 2, 0.5)).toThrow(RangeError);
    expect(() => depthModeTime(3, 1, 0.5, 0.2)).toThrow(RangeError);
    expect(() => lambdaModeTime(0, 1, 0, 0.5)).toThrow(RangeError);
  });
});

import { z } from 'zod';
import { Recorder } from '../../core/recorder.ts';
import { baseFields, int, num } from '../../core/schemaHelpers.ts';
import type { RunOptions, Trajectory } from '../../core/trajectory.ts';

/**
 * Mean-field Ising model: per-spin free energy
 *   f(m) = −Bm − ½qJm² − T s(m),  s(m) = −[(1+m)/2 ln((1+m)/2) + (1−m)/2 ln((1−m)/2)],
 * stationary where m = tanh((qJm + B)/T); T_c = qJ. Sweeping T at B = 0 gives the continuous
 * (second-order) transition; sweeping B at T < T_c gives first-order jumps with hysteresis, because
 * each point starts from the previous state and the iteration settles in the nearest stable minimum.
 */
export const isingSchema = z.strictObject({
  ...baseFields('ising-mf'),
  /** Number of neighbours q. */
  q: int(1, 64, 'number of neighbours').default(4),
  /** Coupling J (ferromagnetic > 0). */
  J: num(-10, 10, 'coupling').default(1),
  /** Control parameter swept: temperature T or field B. */
  sweep: z.enum(['T', 'B']).default('B').describe('"T" or "B"'),
  /** Start of the swept parameter. */
  from: num(-100, 100, 'sweep start').default(-1),
  /** End of the swept parameter. */
  to: num(-100, 100, 'sweep end').default(1),
  /** Number of sweep points. */
  points: int(2, 5000, 'number of sweep points').default(201),
  /** Temperature held fixed during a B sweep (T < qJ shows hysteresis). */
  T: num(1e-3, 100, 'fixed temperature').default(2),
  /** Field held fixed during a T sweep. */
  B: num(-100, 100, 'fixed field').default(0),
  /** Grid points in m ∈ (−1, 1) for the free-energy landscape series. */
  landscapePoints: int(3, 1001, 'free-energy grid size').default(101),
});
export type IsingScenario = z.infer<typeof isingSchema>;

export function isingFreeEnergy(m: number, T: number, B: number, q: number, J: number): number {
  const p = (1 + m) / 2, r = (1 - m) / 2;
  const ent = -(p > 0 ? p * Math.log(p) : 0) - (r > 0 ? r * Math.log(r) : 0);
  return -B * m - 0.5 * q * J * m * m - T * ent;
}

/**
 * Stable fixed point of m ← tanh((qJm + B)/T) reached from m0. If the iteration settles on an unstable
 * fixed point (m = 0 below T_c), it is nudged off it, as any fluctuation would.
 */
export function isingSolve(m0: number, T: number, B: number, q: number, J: number): number {
  let m = m0;
  for (let it = 0; it < 200_000; it++) {
    const next = Math.tanh((q * J * m + B) / T);
    if (Math.abs(next - m) < 1e-14) {
      const slope = ((q * J) / T) * (1 - next * next);
      if (slope <= 1) return next;
      m = next + (next >= 0 ? 1e-6 : -1e-6);
      continue;
    }
    m = next;
  }
  return m;
}

export function runIsing(s: IsingScenario, opts: RunOptions = {}): Trajectory {
  const ctrl = Array.from({ length: s.points }, (_, i) => s.from + ((s.to - s.from) * i) / (s.points - 1));
  const at = (c: number) => (s.sweep === 'T' ? { T: c, B: s.B } : { T: s.T, B: c });
  // Start from the state that is stable at the sweep's beginning; a tiny nudge breaks the m = 0 symmetry.
  const sweepFrom = (order: number[]) => {
    const out = new Array<number>(order.length);
    let m = s.sweep === 'T' ? 1 : Math.sign(ctrl[order[0]]) || 1;
    for (const i of order) {
      const { T, B } = at(ctrl[i]);
      m = isingSolve(m, T, B, s.q, s.J);
      out[i] = m;
    }
    return out;
  };
  const idx = ctrl.map((_, i) => i);
  const mUp = sweepFrom(idx);
  const mDown = sweepFrom([...idx].reverse());
  opts.onProgress?.(0.5);
  const grid = Array.from({ length: s.landscapePoints }, (_, k) => -1 + (2 * k) / (s.landscapePoints - 1));
  const rec = new Recorder();
  ctrl.forEach((c, i) => {
    const { T, B } = at(c);
    const fU = isingFreeEnergy(mUp[i], T, B, s.q, s.J), fD = isingFreeEnergy(mDown[i], T, B, s.q, s.J);
    const mEq = fU <= fD ? mUp[i] : mDown[i];
    const sech2 = 1 - mEq * mEq;
    // χ = ∂m/∂B on the equilibrium branch: β(1 − m²) / (1 − βqJ(1 − m²)).
    const chi = sech2 / T / (1 - (s.q * s.J * sech2) / T);
    rec.record(i, c, {
      mUp: mUp[i], mDown: mDown[i], mEq, fUp: fU, fDown: fD, susceptibility: Number.isFinite(chi) ? chi : 1e12,
      landscape: grid.map((m) => isingFreeEnergy(m, T, B, s.q, s.J)),
    });
  });
  let hysteresis = 0;
  for (let i = 0; i < ctrl.length; i++) hysteresis = Math.max(hysteresis, Math.abs(mUp[i] - mDown[i]));
  return rec.finish(s, { Tc: s.q * s.J, maxHysteresisGap: hysteresis, landscapeM: grid });
}

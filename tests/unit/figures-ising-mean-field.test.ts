import { describe, expect, it } from 'vitest';
import { isingMeanField, type IsingMeanFieldData } from '../../src/figures/isingMeanField.ts';
import { resolveParams } from '../../src/figures/FigureSpec.ts';
import { renderStatic } from '../../src/figures/renderStatic.ts';
import { runScenario, isingFreeEnergy } from '../../src/engine/index.ts';

const host = { run: async (s: Record<string, unknown>) => runScenario(s) };
const data = (params: Record<string, number> = {}): Promise<IsingMeanFieldData> => Promise.resolve(isingMeanField.compute(resolveParams(isingMeanField, params), host));

const Q = 4;
const J = 1;
const TC = Q * J;

/**
 * Spinodal of the mean-field free energy F(m) = −Bm − ½qJm² − T𝓢(m), derived where F′ = F″ = 0:
 * F″ = T/(1 − m²) − qJ = 0 gives m_sp² = 1 − T/T_c; F′ = T artanh m − qJm − B = 0 then gives the field.
 * The branch m > 0 survives down to B = −B_sp, the branch m < 0 up to B = +B_sp.
 */
function spinodal(T: number): { m: number; B: number } {
  const m = Math.sqrt(1 - T / TC);
  return { m, B: TC * m - T * Math.atanh(m) };
}

describe('ising-mean-field figure', () => {
  it('follows the Landau law m² ≈ 3(T_c − T)/T just below T_c, and not far below it', async () => {
    const d = await data({ T: 2, B: 0 });
    const at = (T: number) => d.tSweep.mEq[d.tSweep.T.findIndex((t) => Math.abs(t - T) < 1e-9)];
    const landau = (T: number) => (3 * (TC - T)) / T;
    expect(Math.abs(at(3.99) ** 2 / landau(3.99) - 1)).toBeLessThan(0.01);
    expect(Math.abs(at(3.9) ** 2 / landau(3.9) - 1)).toBeLessThan(0.06);
    // The quartic truncation is only a near-T_c statement: at T = 2 it overshoots m² = 0.92 by more than half.
    expect(landau(2) / at(2) ** 2).toBeGreaterThan(1.5);
    // Above T_c the equilibrium magnetisation vanishes.
    for (const T of [4.01, 5, 6]) expect(Math.abs(at(T))).toBeLessThan(1e-9);
  });

  it('places the closed-form spinodal where F′ = F″ = 0 on the engine’s own free energy', () => {
    for (const T of [1, 2, 3, 3.5]) {
      const { m, B } = spinodal(T);
      const h = 1e-4;
      const F = (x: number) => isingFreeEnergy(x, T, -B, Q, J);
      const d1 = (F(m + h) - F(m - h)) / (2 * h);
      const d2 = (F(m + h) - 2 * F(m) + F(m - h)) / (h * h);
      expect(Math.abs(d1)).toBeLessThan(1e-7);
      expect(Math.abs(d2)).toBeLessThan(1e-4);
    }
    expect(spinodal(2).B).toBeCloseTo(1.0657, 4);
  });

  it('jumps at the spinodal fields ±B_sp(T) of the closed form, within one grid step of the sweep', async () => {
    for (const T of [1, 2, 3, 3.5]) {
      const d = await data({ T, B: 0 });
      const { B } = spinodal(T);
      const up = d.bSweep.jumpUp!;
      const down = d.bSweep.jumpDown!;
      // The increasing sweep leaves the m < 0 branch at the first grid point beyond +B_sp; the decreasing one mirrors it.
      expect(up.from).toBeLessThanOrEqual(B + 1e-9);
      expect(up.to).toBeGreaterThan(B);
      expect(up.to - up.from).toBeLessThan(0.0101);
      expect(up.mBefore).toBeLessThan(0);
      expect(up.mAfter).toBeGreaterThan(0);
      expect(down.from).toBeGreaterThanOrEqual(-B - 1e-9);
      expect(down.to).toBeLessThan(-B);
      expect(down.mBefore).toBeGreaterThan(0);
      expect(down.mAfter).toBeLessThan(0);
    }
  });

  it('shows hysteresis only below T_c', async () => {
    for (const T of [1, 2, 3, 3.9]) {
      const d = await data({ T, B: 0 });
      expect(d.bSweep.maxGap).toBeGreaterThan(0.3);
      expect(d.bSweep.jumpUp).not.toBeNull();
      expect(isingMeanField.describe(d)).toContain('hysteresis loop');
    }
    for (const T of [4, 4.1, 5, 6]) {
      const d = await data({ T, B: 0 });
      // At T_c itself the solver's critical slowing leaves a residue of about 5e-3, far below any loop.
      expect(d.bSweep.maxGap).toBeLessThan(T === TC ? 0.01 : 1e-9);
      expect(d.bSweep.jumpUp).toBeNull();
      expect(d.metastable).toBeNull();
      expect(isingMeanField.describe(d)).toContain('no hysteresis');
    }
  });

  it('marks two minima and the barrier between them inside the loop, and one minimum outside it', async () => {
    const inside = await data({ T: 2, B: 0.5 });
    expect(inside.metastable).not.toBeNull();
    expect(inside.equilibrium.m).toBeGreaterThan(0);
    expect(inside.metastable!.m).toBeLessThan(0);
    expect(inside.equilibrium.F).toBeLessThan(inside.metastable!.F);
    expect(inside.barrier!.m).toBeGreaterThan(inside.metastable!.m);
    expect(inside.barrier!.m).toBeLessThan(inside.equilibrium.m);
    // The barrier is the unstable solution of m = tanh((qJm + B)/T), to the grid spacing 2/400.
    const b = inside.barrier!.m;
    expect(Math.abs(Math.tanh((Q * J * b + 0.5) / 2) - b)).toBeLessThan(0.02);
    const outside = await data({ T: 2, B: 1.5 });
    expect(outside.metastable).toBeNull();
    const coexist = await data({ T: 2, B: 0 });
    expect(coexist.coexist).toBe(true);
    expect(coexist.equilibrium.m).toBeCloseTo(-coexist.metastable!.m, 12);
  });

  it('shows the susceptibility diverging at T_c when B = 0 (off scale, not as a number) and a rounded peak when B ≠ 0', async () => {
    const zero = await data({ T: 4, B: 0 });
    const k = zero.tSweep.T.findIndex((t) => t === TC);
    expect(zero.tSweep.chi[k]).toBeGreaterThanOrEqual(1e12);
    // Curie–Weiss on either side: χ = 1/(T − T_c) above, 1/(2(T_c − T)) just below.
    expect(zero.tSweep.chi[k + 1]).toBeCloseTo(1 / 0.01, 6);
    expect(zero.tSweep.chi[k - 1]).toBeGreaterThan(0.95 * (1 / 0.02));
    expect(zero.tSweep.chi[k - 1]).toBeLessThan(1.05 * (1 / 0.02));
    expect(isingMeanField.describe(zero)).toContain('is infinite');
    const { svg } = await renderStatic(isingMeanField, resolveParams(isingMeanField, { T: 4, B: 0 }), host);
    expect(svg).toContain('χ = ∞');
    const field = await data({ T: 4, B: 0.05 });
    expect(Math.max(...field.tSweep.chi)).toBeLessThan(10);
    expect(isingMeanField.describe(field)).toContain('no transition');
  });

  it('draws every tested slider position inside its frame with finite coordinates', async () => {
    const positions = [
      { T: 1, B: -2.5 }, { T: 1, B: 2.5 }, { T: 1, B: 0 }, { T: 2, B: 1.05 }, { T: 2, B: 1.1 }, { T: 3.9, B: 0 }, { T: 3.9, B: 0.01 },
      { T: 4, B: 0 }, { T: 4, B: -0.05 }, { T: 4.1, B: 0 }, { T: 6, B: -2.5 }, { T: 6, B: 2.5 }, { T: 5, B: -0.5 },
    ];
    for (const p of positions) {
      const { svg } = await renderStatic(isingMeanField, resolveParams(isingMeanField, p), host);
      expect(svg, JSON.stringify(p)).not.toMatch(/NaN|Infinity/);
      const coords = [...svg.matchAll(/\s(?:cx|x|x1|x2)="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
      const ys = [...svg.matchAll(/\s(?:cy|y|y1|y2)="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
      for (const x of coords) expect(x, JSON.stringify(p)).toBeGreaterThanOrEqual(0);
      for (const x of coords) expect(x, JSON.stringify(p)).toBeLessThanOrEqual(isingMeanField.width);
      for (const y of ys) expect(y, JSON.stringify(p)).toBeGreaterThanOrEqual(0);
      for (const y of ys) expect(y, JSON.stringify(p)).toBeLessThanOrEqual(isingMeanField.height);
      for (const d of svg.matchAll(/\sd="([^"]+)"/g)) {
        const nums = d[1].match(/-?[\d.]+(?:e-?\d+)?/g)!.map(Number);
        for (let i = 0; i + 1 < nums.length; i += 2) {
          expect(nums[i], JSON.stringify(p)).toBeGreaterThanOrEqual(0);
          expect(nums[i], JSON.stringify(p)).toBeLessThanOrEqual(isingMeanField.width);
          expect(nums[i + 1], JSON.stringify(p)).toBeGreaterThanOrEqual(0);
          expect(nums[i + 1], JSON.stringify(p)).toBeLessThanOrEqual(isingMeanField.height);
        }
      }
    }
  });
});

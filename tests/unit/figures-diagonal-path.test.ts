import { describe, expect, it } from 'vitest';
import { diagonalPath } from '../../src/figures/diagonalPath.ts';
import { resolveParams } from '../../src/figures/FigureSpec.ts';
import { runScenario } from '../../src/engine/index.ts';

const host = { run: async (s: Record<string, unknown>) => runScenario(s) };

describe('diagonal-path figure', () => {
  it('goes from near the min-ℓ2 interpolator at α = 1 to the sparse truth at small α', async () => {
    const d = await diagonalPath.compute(resolveParams(diagonalPath), host);
    const l1Star = d.betaStar.reduce((a, b) => a + Math.abs(b), 0);
    expect(Math.abs(d.gd[0].l1 / d.l1MinL2 - 1)).toBeLessThan(0.02);
    expect(Math.abs(d.gd.at(-1)!.l1 / l1Star - 1)).toBeLessThan(0.005);
    for (let k = 1; k < d.gd.length; k++) expect(d.gd[k].testLoss).toBeLessThan(d.gd[k - 1].testLoss);
  });

  it('shows SGD ending sparser than GD at the same intermediate α (Pesme et al. 2021)', async () => {
    const d = await diagonalPath.compute(resolveParams(diagonalPath), host);
    for (const la of [-1, -1.5]) {
      const k = d.logAlpha.indexOf(la);
      expect(d.sgd[k].l1).toBeLessThan(d.gd[k].l1);
      expect(d.sgd[k].testLoss).toBeLessThan(d.gd[k].testLoss);
    }
    expect(diagonalPath.describe(d)).toContain('ends sparser than GD');
  });
});

import { describe, expect, it } from 'vitest';
import { dlnSaddleToSaddle } from '../../src/figures/dlnSaddleToSaddle.ts';
import { resolveParams } from '../../src/figures/FigureSpec.ts';
import { runScenario, depthHalfTime, saxeHalfTime } from '../../src/engine/index.ts';

const host = { run: async (s: Record<string, unknown>) => runScenario(s) };
const data = (params: Record<string, number> = {}) => dlnSaddleToSaddle.compute(resolveParams(dlnSaddleToSaddle, params), host);

describe('dln-saddle-to-saddle figure', () => {
  it("uses Saxe's half-times at depth 2 and the simulated network reaches s/2 within 1% of them", async () => {
    const d = await data();
    expect(d.s).toEqual([3, 1.5, 0.75]);
    d.s.forEach((s, a) => {
      expect(d.halfTimes[a]).toBeCloseTo(saxeHalfTime(s, 1e-3), 6);
      expect(Math.abs(d.simulatedHalfTimes[a] / d.halfTimes[a] - 1)).toBeLessThan(0.01);
    });
  });

  it('follows the depth-L law u̇ = L u^(2−2/L)(s − u) at depths 3 and 4, with longer plateaus than depth 2', async () => {
    for (const depth of [3, 4]) {
      const d = await data({ depth, log10u0: -3 });
      d.s.forEach((s, a) => {
        expect(d.halfTimes[a]).toBeCloseTo(depthHalfTime(depth, s, 1e-3), 8);
        expect(Math.abs(d.simulatedHalfTimes[a] / d.halfTimes[a] - 1)).toBeLessThan(0.01);
        expect(d.halfTimes[a]).toBeGreaterThan(saxeHalfTime(s, 1e-3));
      });
    }
  });

  it('descends the loss staircase ½Σ_{i>r(t)} s_i² and ends near zero', async () => {
    const d = await data({ log10u0: -5 });
    [5.90625, 1.40625, 0.28125, 0].forEach((v, k) => expect(d.plateaus[k]).toBeCloseTo(v, 12));
    // Half-way between consecutive jumps (in log time) the loss sits on the saddle value in between.
    for (let k = 1; k < d.s.length; k++) {
      const tMid = Math.sqrt(d.halfTimes[k - 1] * d.halfTimes[k]);
      const i = d.t.findIndex((t) => t >= tMid);
      expect(Math.abs(d.loss[i] - d.plateaus[k])).toBeLessThan(0.1 * d.plateaus[k]);
    }
    expect(d.loss.at(-1)!).toBeLessThan(1e-3);
  });

  it('has fragment steps in increasing order ending at the full run', () => {
    const p = dlnSaddleToSaddle.steps!.map((s) => s.progress);
    p.forEach((v, k) => { expect(v).toBeGreaterThan(k === 0 ? 0 : p[k - 1]); });
    expect(p.at(-1)).toBe(1);
  });
});

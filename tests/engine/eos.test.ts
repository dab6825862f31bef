import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { createRng } from '../../src/engine/core/rng.ts';
import { xyGrad, xyLoss, xySharpness } from '../../src/engine/models/eos/eosXy.ts';
import { createMlp } from '../../src/engine/models/eos/mlp.ts';
import { chebyshevData } from '../../src/engine/models/eos/eosMlp.ts';
import { createSharpness } from '../../src/engine/models/eos/sharpness.ts';
import { gradCheck } from './helpers.ts';

describe('edge of stability', () => {
  it('xy toy: gradient and exact Hessian sharpness match finite differences', () => {
    for (const [x, y] of [[1.3, 0.4], [3, 0.2], [0.5, -1.7]]) {
      const g = new Float64Array(xyGrad(x, y));
      expect(gradCheck((v) => xyLoss(v[0], v[1]), new Float64Array([x, y]), g)).toBeLessThan(1e-6);
      const est = createSharpness(2, (th, out) => out.set(xyGrad(th[0], th[1])), 200, 1e-5).estimate(new Float64Array([x, y]));
      // Power iteration returns the largest-magnitude eigenvalue; compare when it is the positive one.
      if (est > 0) expect(Math.abs(est - xySharpness(x, y)) / xySharpness(x, y)).toBeLessThan(1e-5);
    }
    // On the minimum set xy = 1, sharpness = 2(x² + y²).
    expect(xySharpness(2, 0.5)).toBeCloseTo(2 * (4 + 0.25), 10);
  });

  for (const [eta, x0, y0] of [[0.1, 4, 0.1], [0.2, 3, 0.2], [0.4, 1.6, 0.3]]) {
    it(`xy toy: GD with η=${eta} from (${x0}, ${y0}) ends with sharpness in [0.97·2/η, 2/η] although gradient flow would end sharper`, () => {
      const r = runScenario({ model: 'eos-xy', eta, x0, y0, steps: 30_000, recordEvery: 1000 });
      const S = r.final.sharpness as number;
      expect(S).toBeGreaterThanOrEqual(0.97 * (2 / eta));
      expect(S).toBeLessThanOrEqual(2 / eta);
      expect(r.final.gradientFlowSharpness as number).toBeGreaterThan(2 / eta);
      expect(r.final.loss as number).toBeLessThan(1e-12);
    });
  }

  it('xy toy: a too-sharp init diverges and the divergence is reported with its step', () => {
    const r = runScenario({ model: 'eos-xy', eta: 0.1, x0: 8, y0: 0.25, steps: 1000 });
    expect(r.diverged).not.toBeNull();
    expect(r.diverged!.step).toBeGreaterThan(0);
    expect(r.diverged!.reason).toMatch(/exceeded|NaN|Infinity/);
    expect(JSON.stringify(r)).not.toMatch(/NaN|null,|Infinity/);
    expect(r.t.length).toBe((r.series.loss as number[]).length);
  });

  it('tanh MLP: backprop gradient matches central finite differences (rel. err < 1e-6)', () => {
    const { xs, ys } = chebyshevData(6, 20);
    const net = createMlp([1, 7, 5, 1], xs, ys);
    const rng = createRng(5);
    const th = new Float64Array(net.nParams).map(() => rng.normal() * 0.7);
    const g = new Float64Array(net.nParams);
    net.lossGrad(th, g);
    expect(gradCheck((v) => net.lossGrad(v, null), th, g)).toBeLessThan(1e-6);
  });

  it('tanh MLP on Chebyshev T6 with η = 0.1: sharpness rises (progressive sharpening), then its late mean is within 5% of 2/η', () => {
    const r = runScenario({ model: 'eos-mlp', eta: 0.1, steps: 8000, recordEvery: 50 });
    const S = r.series.sharpness as number[];
    expect(r.final.nParams).toBe(701);
    expect(S[0]).toBeLessThan(0.6 * 20);
    expect(Math.max(...S.slice(0, S.length / 2))).toBeGreaterThan(S[0] * 1.3);
    expect(Math.abs((r.final.lateMeanSharpness as number) - 20) / 20).toBeLessThan(0.05);
    const loss = r.series.loss as number[];
    expect(loss[loss.length - 1]).toBeLessThan(loss[0] / 50);
  });
});

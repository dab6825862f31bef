import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { createRng } from '../../src/engine/core/rng.ts';
import { tanhNet } from '../../src/engine/models/lazy/lazyScaling.ts';
import { gradCheck } from './helpers.ts';

describe('lazy training by output scaling (Chizat et al.)', () => {
  it('Jacobian of the two-layer tanh net matches central finite differences (rel. err < 1e-6)', () => {
    const m = 7, xs = [-0.8, 0.1, 0.6], rng = createRng(2);
    const theta = new Float64Array(3 * m).map(() => rng.normal());
    const f = new Float64Array(3), J = new Float64Array(3 * 3 * m);
    tanhNet(theta, m, xs, f, J);
    const out = new Float64Array(3);
    for (let mu = 0; mu < 3; mu++) {
      const row = J.slice(mu * 3 * m, (mu + 1) * 3 * m);
      expect(gradCheck((th) => (tanhNet(th, m, xs, out, null), out[mu]), theta, row)).toBeLessThan(1e-6);
    }
  });

  const run = (alpha: number) => runScenario({ model: 'lazy-scaling', alpha, steps: 2000, recordEvery: 500 });

  it('relative weight movement scales like 1/α and α·(relative NTK change) tends to a constant (≈ 0.19–0.20)', () => {
    const r = [8, 16, 32].map(run);
    const dw = r.map((x) => (x.series.relWeightChange as number[]).at(-1)!);
    const adk = r.map((x) => (x.series.alphaTimesRelKernelChange as number[]).at(-1)!);
    expect(dw[0] / dw[1]).toBeGreaterThan(1.9);
    expect(dw[0] / dw[1]).toBeLessThan(2.2);
    expect(dw[1] / dw[2]).toBeGreaterThan(1.9);
    expect(Math.abs(adk[2] / adk[1] - 1)).toBeLessThan(0.05);
    expect(adk[2]).toBeGreaterThan(0.15);
    expect(adk[2]).toBeLessThan(0.25);
    for (const x of r) expect((x.series.mse as number[]).at(-1)!).toBeLessThan(0.01);
  });

  it('at α = 1 the kernel moves much more than at α = 64 (rich vs lazy)', () => {
    const rich = (run(1).series.relKernelChange as number[]).at(-1)!;
    const lazy = (run(64).series.relKernelChange as number[]).at(-1)!;
    expect(rich).toBeGreaterThan(20 * lazy);
  });
});

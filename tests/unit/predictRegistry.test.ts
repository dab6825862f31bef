import { describe, expect, it } from 'vitest';
import { depthHalfTime, kumarTestLoss, runScenario, saxeHalfTime } from '../../src/engine/index.ts';
import { mat } from '../../src/engine/linalg/mat.ts';
import { solve } from '../../src/engine/linalg/solve.ts';
import { kumarSetup } from '../../src/engine/models/kumar/kumarGrokking.ts';
import {
  ETA_PRECISION, firstCrossing, getPrediction, predictionNames, predictions, resolvePredictionParams, type EngineHost,
} from '../../src/predictions/registry.ts';

/** Runs scenarios on this thread and counts them. */
function countingHost() {
  const scenarios: Record<string, unknown>[] = [];
  const host: EngineHost = { run: async (scenario) => (scenarios.push(scenario), runScenario(scenario)) };
  return { host, scenarios };
}

const run = async (name: keyof typeof predictions, params: Record<string, number>) => {
  const { host, scenarios } = countingHost();
  const result = await predictions[name].run(resolvePredictionParams(name, params), host);
  return { result, scenarios };
};

describe('mode-half-time: simulated gradient flow against the closed forms', () => {
  it.each([[3], [2], [1]])('two layers, teacher (3, 2, 1), mode s = %d: within 0.1 % of (1/2s) ln(s/u0 − 1)', async (s) => {
    const { result, scenarios } = await run('mode-half-time', { s1: 3, s2: 2, s3: 1, mode: 4 - s, u0: 1e-3 });
    expect(Math.abs(result.value / saxeHalfTime(s, 1e-3) - 1)).toBeLessThan(1e-3);
    // It simulated the dln model under gradient flow; no closed form was asked for.
    expect(scenarios.every((sc) => sc.model === 'dln' && (sc.optimizer as { kind: string }).kind === 'flow')).toBe(true);
  });

  it('reproduces the sanity numbers 1.334, 1.900, 3.453 in its details', async () => {
    const { result } = await run('mode-half-time', { s1: 3, s2: 2, s3: 1, mode: 3 });
    expect(result.details).toContain('1.334 (s = 3), 1.900 (s = 2), 3.453 (s = 1)');
  });

  it.each([[2, 0.01], [0.5, 1e-4], [5, 1e-6]])('one mode s = %s, u0 = %s: within 0.1 % of Saxe', async (s, u0) => {
    const { result } = await run('mode-half-time', { s1: s, u0 });
    expect(Math.abs(result.value / saxeHalfTime(s, u0) - 1)).toBeLessThan(1e-3);
  });

  it.each([[3], [4]])('depth %d: within 0.1 % of the quadrature half-time of u̇ = L u^(2−2/L)(s − u)', async (L) => {
    const { result } = await run('mode-half-time', { s1: 1, u0: 1e-3, depth: L });
    expect(Math.abs(result.value / depthHalfTime(L, 1, 1e-3) - 1)).toBeLessThan(1e-3);
  });
});

describe('xy-max-stable-eta: bisection on GD against 2/sharpness = 1/(x² + y²)', () => {
  it.each([[2], [1], [0.5], [3], [5]])('minimum (%s, 1/x0)', async (x0) => {
    const { result, scenarios } = await run('xy-max-stable-eta', { x0 });
    const predicted = 1 / (x0 * x0 + 1 / (x0 * x0));
    expect(Math.abs(result.value / predicted - 1)).toBeLessThanOrEqual(ETA_PRECISION);
    expect(scenarios.every((sc) => sc.model === 'eos-xy')).toBe(true);
    expect(scenarios.length).toBeLessThan(40);
  });
});

describe('registry', () => {
  it('fills defaults and validates parameters, naming the check', () => {
    expect(resolvePredictionParams('xy-max-stable-eta')).toEqual({ x0: 2 });
    expect(() => getPrediction('nope')).toThrow('Unknown prediction check "nope". Known checks: mode-half-time, xy-max-stable-eta');
    expect(() => resolvePredictionParams('mode-half-time', { s: 2 })).toThrow('has no parameter "s"');
    expect(() => resolvePredictionParams('mode-half-time', { mode: 1.5 })).toThrow('mode = 1.5 must be an integer');
    expect(() => resolvePredictionParams('mode-half-time', { s1: 3, mode: 2 })).toThrow('mode 2 has singular value 0');
    expect(() => resolvePredictionParams('mode-half-time', { s1: 1, u0: 0.6 })).toThrow('must be below half');
    expect(() => resolvePredictionParams('xy-max-stable-eta', { x0: 100 })).toThrow('x0 = 100 must be a number in [0.25, 8]');
  });

  it('describes every check without giving the answer away', () => {
    for (const name of predictionNames) {
      const text = getPrediction(name).describe(resolvePredictionParams(name));
      expect(text.length).toBeGreaterThan(40);
    }
    expect(getPrediction('xy-max-stable-eta').describe({ x0: 2 })).not.toMatch(/0\.235/);
    expect(getPrediction('mode-half-time').describe(resolvePredictionParams('mode-half-time', { s1: 3, s2: 2, s3: 1, mode: 3 }))).not.toMatch(/3\.45/);
  });

  it('interpolates the first upward crossing', () => {
    expect(firstCrossing([0, 1, 2], [0, 1, 3], 2)).toBeCloseTo(1.5, 12);
    expect(firstCrossing([0, 1], [0, 1], 2)).toBeNull();
  });
});

describe('kumar checks (exercise set grokking-lazy-rich): the engine against the closed forms of the set', () => {
  /** α → ∞, t → ∞ limit: kernel regression with the initial NTK K0(x, x′) = x·x′ + ε²(x·x′)² on the engine's own data. */
  function kernelRegressionTestLoss(d: number, P: number, epsilon: number, seed: number): number {
    const { beta, X, y } = kumarSetup({ D: d, P, N: 100, seed, epsilon } as Parameters<typeof kumarSetup>[0]);
    const K = new Float64Array(P * P);
    for (let a = 0; a < P; a++) for (let b = 0; b < P; b++) {
      let xx = 0;
      for (let i = 0; i < d; i++) xx += X[a * d + i] * X[b * d + i];
      K[a * P + b] = xx + epsilon * epsilon * xx * xx;
    }
    const c = solve(mat(P, P, K), y);
    // f∞(x) = Σ_μ c_μ K0(x, x_μ) = b·x + xᵀHx with b = Σ c_μ x_μ, H = ε² Σ c_μ x_μ x_μᵀ = (αε/2)ΔQ at α = 1.
    const b = new Float64Array(d), dQ = new Float64Array(d * d);
    for (let m = 0; m < P; m++) for (let i = 0; i < d; i++) {
      b[i] += c[m] * X[m * d + i];
      for (let j = 0; j < d; j++) dQ[i * d + j] += 2 * epsilon * c[m] * X[m * d + i] * X[m * d + j];
    }
    return kumarTestLoss(d, 1, epsilon, beta, b, dQ).total;
  }
  const within = (prediction: number, value: number, tol: number) => Math.abs(prediction - value) / Math.abs(value) <= tol;

  it('kernel regression with the initial NTK learns the target exactly once P reaches d(d+3)/2 (d = 10: 65)', () => {
    expect(kernelRegressionTestLoss(10, 64, 0.1, 0)).toBeGreaterThan(0.05);
    expect(kernelRegressionTestLoss(10, 65, 0.1, 0)).toBeLessThan(1e-12);
  });

  it('final-test-loss reads the engine: the same value as running the scenario directly', async () => {
    const { result, scenarios } = await run('kumar-final-test-loss', { alpha: 1000 });
    expect(scenarios).toHaveLength(1);
    expect(scenarios[0]).toMatchObject({ model: 'kumar-grokking', method: 'closed', init: 'wide', alpha: 1000, steps: 30000 });
    const direct = runScenario(scenarios[0]);
    expect(result.value).toBe((direct.series.testLoss as number[]).at(-1));
  });

  it('a lazy network (α = 1000) ends within 5 % of kernel regression with the initial NTK', async () => {
    const { result } = await run('kumar-final-test-loss', { alpha: 1000 });
    expect(Math.abs(result.value / kernelRegressionTestLoss(20, 80, 0.1, 0) - 1)).toBeLessThan(0.05);
  });

  it('the box tolerance (25 %) accepts the unlearnable traceless power ½(1 − 1/d) and rejects the wrong answers', async () => {
    const { result } = await run('kumar-final-test-loss', { alpha: 1000 });
    expect(within(0.5 * (1 - 1 / 20), result.value, 0.25)).toBe(true);
    // Learns nothing (the initial ¾), learns only the traceless part (¼ + the isotropic variance), learns everything,
    // or learns the fraction P/(d(d+1)/2) of the traceless part: all outside.
    for (const wrong of [0.75, 0.275, 0, 0.475 * (1 - 80 / 210)]) expect(within(wrong, result.value, 0.25)).toBe(false);
  });

  it('a rich network (α = 1) generalises: its final test loss is below 5 % of the initial ¾', async () => {
    const { result } = await run('kumar-final-test-loss', { alpha: 1 });
    expect(result.value).toBeLessThan(0.0375);
    expect(result.details).toMatch(/started at 0\.7500/);
  });

  it('weight-change at α = 0.5 is within the 10 % tolerance of |β⋆|²/(αε) = 400, and factor-2 mistakes are not', async () => {
    const { result, scenarios } = await run('kumar-weight-change', {});
    expect(scenarios[0]).toMatchObject({ alpha: 0.5, init: 'wide' });
    expect(result.value).toBe((runScenario(scenarios[0]).series.mChange as number[]).at(-1));
    expect(within(20 / (0.5 * 0.1), result.value, 0.1)).toBe(true);
    for (const wrong of [200, 800, 20]) expect(within(wrong, result.value, 0.1)).toBe(false);
  });

  it('displacement-ratio: lazy displacement scales as 1/α (ratio α2/α1 within 20 %), not as 1/α²', async () => {
    const { result, scenarios } = await run('kumar-displacement-ratio', {});
    expect(scenarios.map((s) => s.alpha)).toEqual([100, 1000]);
    const [a, b] = scenarios.map((s) => (runScenario(s).series.mChange as number[]).at(-1)!);
    expect(result.value).toBe(a / b);
    expect(within(10, result.value, 0.2)).toBe(true);
    for (const wrong of [100, 1, Math.sqrt(10)]) expect(within(wrong, result.value, 0.2)).toBe(false);
  });

  it('displacement-ratio tends to α2/α1 exactly in the lazy limit (α = 1000 vs 10 000: within 1 %)', async () => {
    const { result } = await run('kumar-displacement-ratio', { alpha1: 1000, alpha2: 10000 });
    expect(Math.abs(result.value / 10 - 1)).toBeLessThan(0.01);
  });

  it('refuses runs beyond the browser budget and equal output scales, naming the parameters', () => {
    expect(() => resolvePredictionParams('kumar-final-test-loss', { d: 40, P: 400, T: 900 })).toThrow('more than the');
    expect(() => resolvePredictionParams('kumar-displacement-ratio', { alpha1: 10, alpha2: 10 })).toThrow('two different output scales');
    expect(() => resolvePredictionParams('kumar-weight-change', { alpha: 0.1 })).toThrow('alpha = 0.1 must be a number in [0.5, 10000]');
  });

  it('does not give the answers away in its descriptions', () => {
    expect(getPrediction('kumar-final-test-loss').describe(resolvePredictionParams('kumar-final-test-loss'))).not.toMatch(/0\.4[0-9]/);
    expect(getPrediction('kumar-weight-change').describe(resolvePredictionParams('kumar-weight-change'))).not.toMatch(/400/);
    expect(getPrediction('kumar-displacement-ratio').describe(resolvePredictionParams('kumar-displacement-ratio'))).not.toMatch(/ratio (is|of) 10/);
  });
});

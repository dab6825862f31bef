import { describe, expect, it } from 'vitest';
import { depthHalfTime, runScenario, saxeHalfTime } from '../../src/engine/index.ts';
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

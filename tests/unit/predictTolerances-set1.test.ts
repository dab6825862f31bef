import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { predictions, resolvePredictionParams, type EngineHost } from '../../src/predictions/registry.ts';
import { relativeError } from '../../src/predictions/verdict.ts';

/** The tolerance the exercise set gives the depth-3 half-time prediction, read from the MDX itself. */
function depth3Tolerance(): number {
  const mdx = readFileSync(new URL('../../exercises/implicit-regularization-set-1.mdx', import.meta.url), 'utf8');
  const m = mdx.match(/<Predict check="mode-half-time" params=\{\{ s1: 1, mode: 1, u0: 0\.001, depth: 3 \}\} tolerance=\{([0-9.]+)\}/);
  if (!m) throw new Error('depth-3 <Predict> not found in exercise set 1');
  return Number(m[1]);
}

describe('exercise set 1, problem 4(b): the depth-3 tolerance separates right from wrong reasoning', () => {
  it('accepts the small-u estimate u0^(−1/3) − 2^(1/3) = 8.74 and rejects the escape time 10 and the depth-2 answer', async () => {
    const host: EngineHost = { run: async (scenario) => runScenario(scenario) };
    const params = resolvePredictionParams('mode-half-time', { s1: 1, mode: 1, u0: 1e-3, depth: 3 });
    const { value } = await predictions['mode-half-time'].run(params, host);
    const tolerance = depth3Tolerance();
    const within = (p: number) => relativeError(p, value) <= tolerance;
    expect(within(1e-3 ** (-1 / 3) - 2 ** (1 / 3))).toBe(true); // Problem 1(c)'s integral, (1 − u) ≈ 1: right reasoning
    expect(within(9.145)).toBe(true); // exact quadrature
    expect(within(10)).toBe(false); // σ0^(−(L−2))/((L−2)s): time to blow up, not to reach s/2
    expect(within(0.5 * Math.log(999))).toBe(false); // the two-layer half-time
    expect(within(Math.log(1000))).toBe(false); // (1/s) ln(s/u0): the two-layer time to come within u0
  });
});

import { describe, expect, it } from 'vitest';
import { scalarLandscape } from '../../src/figures/scalarLandscape.ts';
import { resolveParams } from '../../src/figures/FigureSpec.ts';
import { runScenario } from '../../src/engine/index.ts';

const host = { run: async (s: Record<string, unknown>) => runScenario(s) };
const data = (params: Record<string, number> = {}) => scalarLandscape.compute(resolveParams(scalarLandscape, params), host);

describe('scalar-landscape figure', () => {
  it('ends a small-step trajectory on the valley w₁w₂ = s, with sharpness w₁² + w₂² below 2/η', async () => {
    const d = await data({ s: 1.5, eta: 0.05, w1: 0.2, w2: 1.8 });
    const [w1, w2] = [d.w1.at(-1)!, d.w2.at(-1)!];
    expect(d.diverged).toBeNull();
    expect(w1 * w2).toBeCloseTo(1.5, 6);
    expect(d.sharpness).toBeCloseTo(w1 * w1 + w2 * w2, 6);
    expect(scalarLandscape.describe(d)).toContain(`below 2/η = ${(2 / 0.05).toFixed(2)}`);
  });

  it('reports divergence, with its step, for a learning rate far above 2 / sharpness', async () => {
    const d = await data({ eta: 1.2, w1: 2.4, w2: 2.4 });
    expect(d.diverged).not.toBeNull();
    expect(scalarLandscape.describe(d)).toContain(`diverges at step ${d.diverged!.step}`);
  });

  it('maps a click inside the plot to the weights under it, and ignores clicks outside', async () => {
    const d = await data();
    expect(scalarLandscape.pointer!(70 + 370 / 2, 40 + 370 / 2, d)).toEqual({ w1: 0, w2: 0 });
    const p = scalarLandscape.pointer!(70 + 370, 40, d)!;
    expect(p.w1).toBeCloseTo(2.5, 12);
    expect(p.w2).toBeCloseTo(2.5, 12);
    expect(scalarLandscape.pointer!(600, 200, d)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { lazyRich } from '../../src/figures/lazyRich.ts';
import { resolveParams } from '../../src/figures/FigureSpec.ts';
import { runScenario } from '../../src/engine/index.ts';

const host = { run: async (s: Record<string, unknown>) => runScenario(s) };
const data = (params: Record<string, number> = {}) => lazyRich.compute(resolveParams(lazyRich, params), host);

describe('lazy-rich figure', () => {
  it('overlays a simulation that matches the closed-form λ-law to 1e-6', async () => {
    for (const lambda of [0, 2, 16]) expect((await data({ lambda })).maxDeviation).toBeLessThan(1e-6);
  });

  it('moves the NTK and the weights less and less as the imbalance λ grows', async () => {
    const d = await data();
    for (let k = 1; k < d.sweep.lambda.length; k++) {
      expect(d.sweep.ntkChange[k]).toBeLessThan(d.sweep.ntkChange[k - 1]);
      expect(d.sweep.distance[k]).toBeLessThan(d.sweep.distance[k - 1]);
    }
    expect(d.sweep.ntkChange[0]).toBeGreaterThan(100);
    expect(d.sweep.ntkChange.at(-1)!).toBeLessThan(0.05);
  });

  it('learns modes one after another when balanced and all together when lazy', async () => {
    const halfTime = (d: Awaited<ReturnType<typeof data>>, a: number) => d.t[d.modes[a].findIndex((u) => u >= d.s[a] / 2)];
    const rich = await data({ lambda: 0 });
    const lazy = await data({ lambda: 16 });
    const spread = (d: typeof rich) => halfTime(d, 3) / halfTime(d, 0);
    expect(spread(rich)).toBeGreaterThan(3);
    expect(spread(lazy)).toBeLessThan(1.3);
    expect(lazyRich.describe(lazy)).toContain('lazy');
    expect(lazyRich.describe(rich)).toContain('rich');
  });
});

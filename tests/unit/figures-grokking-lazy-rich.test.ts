import { describe, expect, it } from 'vitest';
import { grokkingLazyRich, grokData, stepFor, P_CHOICES, type GrokkingLazyRichData } from '../../src/figures/grokkingLazyRich.ts';
import { resolveParams } from '../../src/figures/FigureSpec.ts';
import { renderStatic } from '../../src/figures/renderStatic.ts';
import { runScenario } from '../../src/engine/index.ts';

const host = { run: async (s: Record<string, unknown>) => runScenario(s) };
const cache = new Map<string, Promise<GrokkingLazyRichData>>();
/** One engine run per (log α, P index), shared by the tests below. */
const data = (logAlpha: number, pIndex = 1) => {
  const key = `${logAlpha}/${pIndex}`;
  if (!cache.has(key)) cache.set(key, Promise.resolve(grokkingLazyRich.compute(resolveParams(grokkingLazyRich, { logAlpha, pIndex }), host)));
  return cache.get(key)!;
};
const firstBelow = (d: GrokkingLazyRichData, v: number[], start: number, fraction: number) => d.t[v.findIndex((x) => x < fraction * start)];

describe('grokking-lazy-rich figure', () => {
  it('starts from the closed-form test loss ¾ = ¼ (variance) + ½ (misalignment) + 0 (linear) when |β⋆|² = d', async () => {
    const d = await data(0);
    expect(d.initial.variance).toBeCloseTo(0.25, 12);
    expect(d.initial.misalignment).toBeCloseTo(0.5, 12);
    expect(d.initial.linear).toBe(0);
    expect(d.initial.test).toBeCloseTo(0.75, 12);
    d.t.forEach((_, k) => expect(d.variance[k] + d.misalignment[k] + d.linear[k]).toBeCloseTo(d.test[k], 12));
  });

  it('groks at α = 1, P = 80: the test loss rises while the train loss falls, and falls to a tenth of its start several times later', async () => {
    const d = await data(0);
    expect(d.diverged).toBeNull();
    expect(Math.max(...d.test)).toBeGreaterThan(1.15 * d.initial.test);
    const trainTime = firstBelow(d, d.train, d.initial.train, 0.1);
    const testTime = firstBelow(d, d.test, d.initial.test, 0.1);
    expect(testTime / trainTime).toBeGreaterThan(5);
    expect(d.test.at(-1)!).toBeLessThan(0.05 * d.initial.test);
    // The rise is the power in linear modes, which the network later removes.
    expect(Math.max(...d.linear)).toBeGreaterThan(0.15);
    expect(d.linear.at(-1)!).toBeLessThan(0.01);
    expect(d.cka.at(-1)! / d.initial.cka).toBeGreaterThan(1.4);
    expect(grokkingLazyRich.describe(d)).toContain('the network generalises');
  });

  it('stays lazy at α = 100: the kernel alignment moves by under 1% and the test loss ends above 0.3', async () => {
    const d = await data(2);
    expect(d.diverged).toBeNull();
    expect(Math.abs(d.cka.at(-1)! / d.initial.cka - 1)).toBeLessThan(0.01);
    expect(d.test.at(-1)!).toBeGreaterThan(0.3);
    expect(d.train.at(-1)!).toBeLessThan(0.01);
  });

  it('ends with a lower test loss the smaller α is', async () => {
    const ends = await Promise.all([0, 1, 2].map(async (la) => (await data(la)).test.at(-1)!));
    expect(ends[0]).toBeLessThan(ends[1]);
    expect(ends[1]).toBeLessThan(ends[2]);
  });

  it('shows too few samples (P = 30), the goldilocks range (P = 80) and immediate generalisation (P = 300)', async () => {
    expect(P_CHOICES).toEqual([30, 80, 300]);
    const few = await data(0, 0);
    expect(few.train.at(-1)!).toBeLessThan(1e-6);
    expect(few.test.at(-1)!).toBeGreaterThan(few.initial.test);
    expect(grokkingLazyRich.describe(few)).toContain('without generalising');
    const many = await data(0, 2);
    const lag = firstBelow(many, many.test, many.initial.test, 0.1) / firstBelow(many, many.train, many.initial.train, 0.1);
    expect(lag).toBeLessThan(2);
    expect(Math.max(...many.test)).toBeLessThan(1.05 * many.initial.test);
    expect(many.test.at(-1)!).toBeLessThan(1e-3);
  });

  it('halves the step below α = 0.5, where the closed equations would blow up at η₀ = 0.03, and keeps t = 600', async () => {
    expect(stepFor(0.5)).toEqual({ eta0: 0.03, steps: 20_000 });
    expect(stepFor(0.45)).toEqual({ eta0: 0.015, steps: 40_000 });
    const forced = await grokData(10 ** -0.5, 80, host, { eta0: 0.03, steps: 20_000 });
    expect(forced.diverged).not.toBeNull();
    const d = await data(-0.5);
    expect(d.diverged).toBeNull();
    expect(d.t.at(-1)).toBeCloseTo(600, 9);
    expect(d.test.at(-1)!).toBeLessThan((await data(0)).test.at(-1)!);
  });

  it('draws a blown-up run up to its last finite record, with the step at which it blew up', async () => {
    const d = await grokData(10 ** -0.5, 300, host, { eta0: 0.03, steps: 20_000 });
    expect(d.diverged).not.toBeNull();
    expect(d.t.every(Number.isFinite)).toBe(true);
    const { parseHTML } = await import('linkedom');
    const { document } = parseHTML('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    const node = document.querySelector('svg') as unknown as SVGSVGElement;
    grokkingLazyRich.draw(node, d, 1);
    const svg = (node as unknown as { outerHTML: string }).outerHTML;
    expect(svg).not.toContain('NaN');
    expect(svg).not.toContain('Infinity');
    expect(svg).toContain(`blew up at step ${d.diverged!.step.toLocaleString('en-US')}`);
    expect(grokkingLazyRich.describe(d)).toContain(`blew up at step ${d.diverged!.step}`);
  });

  it('draws every animation stage of the default state without NaN and keeps labels tied to their curves', async () => {
    const d = await data(0);
    const { svg } = await renderStatic(grokkingLazyRich, resolveParams(grokkingLazyRich), host);
    expect(svg).not.toContain('NaN');
    expect(svg).toContain('α = 1, P = 80, d = 20, ε = 0.1');
    for (const progress of [0, 0.3, 1]) {
      const { parseHTML } = await import('linkedom');
      const { document } = parseHTML('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
      const node = document.querySelector('svg') as unknown as SVGSVGElement;
      grokkingLazyRich.draw(node, d, progress);
      const html = (node as unknown as { outerHTML: string }).outerHTML;
      expect(html).not.toContain('NaN');
      expect(html).toContain('misalignment');
    }
  });
});

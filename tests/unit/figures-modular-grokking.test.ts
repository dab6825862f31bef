import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { modularGrokking, rankedFrequencies, settledAt, type ModularGrokkingData } from '../../src/figures/modularGrokking.ts';
import { resolveParams, type EngineHost } from '../../src/figures/FigureSpec.ts';
import { readPrecomputed, renderStatic } from '../../src/figures/renderStatic.ts';
import { precomputedNames, type PrecomputedName } from '../../src/figures/precomputedRuns.ts';
import type { PrecomputedFile } from '../../src/engine/precompute/precomputed.ts';
import type { Trajectory } from '../../src/engine/index.ts';

const noRun = async (): Promise<Trajectory> => { throw new Error('the figure must not start a simulation'); };
const host: EngineHost = { run: noRun, precomputed: readPrecomputed };
const data = (params: Record<string, number> = {}, h: EngineHost = host) => modularGrokking.compute(resolveParams(modularGrokking, params), h) as Promise<ModularGrokkingData>;
const file = (name: PrecomputedName) => JSON.parse(readFileSync(`data/precomputed/${name}.json`, 'utf8')) as PrecomputedFile;
const GROK = 0;
const STUCK = 1;

function drawn(d: ModularGrokkingData, progress = 1): Element {
  const { document } = parseHTML('<!doctype html><html><body><svg xmlns="http://www.w3.org/2000/svg"></svg></body></html>');
  const svg = document.querySelector('svg')!;
  modularGrokking.draw(svg as unknown as SVGSVGElement, d, progress);
  return svg as unknown as Element;
}

describe('modular-grokking figure', () => {
  it('draws the committed engine runs themselves: every series is the one in data/precomputed/', async () => {
    for (const [run, name] of precomputedNames.entries()) {
      const d = await data({ run });
      const t = file(name).trajectory;
      expect(d.run).toBe(name);
      expect(d.step).toEqual(t.t);
      expect(d.trainAcc).toEqual(t.series.trainAcc);
      expect(d.testAcc).toEqual(t.series.testAcc);
      expect(d.weightNorm).toEqual(t.series.weightNorm);
      expect(d.topFraction).toEqual(t.series.fourierTopFraction);
      expect(d.spectrum).toEqual(t.series.fourierSpectrum);
      expect(d.grokStep).toBe(t.final.grokStep);
      expect(d.setup).toMatchObject({ p: t.scenario.p, seed: t.scenario.seed, trainFraction: t.scenario.trainFraction, weightDecay: t.scenario.weightDecay, steps: t.scenario.steps });
    }
  });

  it('has a step control whose every position is a record of both runs', async () => {
    const c = modularGrokking.controls.find((x) => x.name === 'step')!;
    for (const run of [GROK, STUCK]) {
      const d = await data({ run });
      for (let s = c.min; s <= c.max; s += c.step) expect(d.step).toContain(s);
      expect(d.step.at(-1)).toBe(c.max);
      expect((await data({ run, step: 42000 })).step[(await data({ run, step: 42000 })).at]).toBe(42000);
    }
  });

  it('shows memorisation long before generalisation in the run that groks, and none in the run that stays stuck', async () => {
    const grok = await data({ run: GROK });
    const stuck = await data({ run: STUCK });
    for (const d of [grok, stuck]) expect(d.step[settledAt(d.trainAcc, 0.99)]).toBeLessThanOrEqual(2000);
    // Test accuracy first reaches 0.5 at the engine's grokStep, at least 20× later than the training set is fitted.
    expect(grok.grokStep).toBeGreaterThan(20 * grok.step[settledAt(grok.trainAcc, 0.99)]);
    expect(grok.step[grok.testAcc.findIndex((a) => a >= 0.5)]).toBe(grok.grokStep);
    expect(grok.testAcc.at(-1)).toBeGreaterThan(0.99);
    expect(stuck.grokStep).toBe(-1);
    expect(Math.max(...stuck.testAcc)).toBeLessThan(0.05);
    expect(modularGrokking.describe(grok)).toContain(`first reaches 0.5 at step ${grok.grokStep.toLocaleString('en-US')}`);
    expect(modularGrokking.describe(stuck)).toContain('stays stuck');
  });

  it('concentrates the embedding in a few Fourier frequencies, and sheds weight norm, only when it generalises', async () => {
    const grok = await data({ run: GROK });
    const stuck = await data({ run: STUCK });
    const peak = (d: ModularGrokkingData) => Math.max(...d.weightNorm);
    expect(grok.topFraction.at(-1)).toBeGreaterThan(0.9);
    expect(stuck.topFraction.at(-1)).toBeLessThan(0.3);
    // At initialisation the top 5 of 33 frequencies hold about their even share.
    for (const d of [grok, stuck]) expect(Math.abs(d.topFraction[0] - 5 / 33)).toBeLessThan(0.03);
    expect(grok.weightNorm.at(-1)!).toBeLessThan(0.55 * peak(grok));
    expect(stuck.weightNorm.at(-1)!).toBeGreaterThan(0.9 * peak(stuck));
    // The frequencies the grokked embedding keeps are its three strongest, holding most of the power.
    const last = grok.step.length - 1;
    const top3 = rankedFrequencies(grok, last).slice(0, 3);
    expect(top3.reduce((a, nu) => a + grok.spectrum[last][nu - 1], 0)).toBeGreaterThan(0.8);
  });

  it('draws every step of both runs, at any animation progress, with no NaN and every mark inside its panel', async () => {
    const c = modularGrokking.controls.find((x) => x.name === 'step')!;
    for (const run of [GROK, STUCK]) {
      for (let s = c.min; s <= c.max; s += c.step * 16) {
        const d = await data({ run, step: s });
        for (const progress of [0, 0.5, 1]) {
          const svg = drawn(d, progress);
          expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
          for (const dot of svg.querySelectorAll('circle')) {
            const cy = Number(dot.getAttribute('cy'));
            expect(cy).toBeGreaterThanOrEqual(50);
            expect(cy).toBeLessThanOrEqual(180);
          }
          for (const bar of svg.querySelectorAll('rect')) {
            const y = Number(bar.getAttribute('y'));
            expect(y).toBeGreaterThanOrEqual(282);
            expect(y + Number(bar.getAttribute('height'))).toBeCloseTo(400, 1);
          }
          expect(svg.querySelectorAll('rect').length).toBe(33);
        }
      }
    }
  });

  it('keeps the selected step on screen while the animation reveals the run, then stops at the selection', async () => {
    const d = await data({ run: GROK, step: 42000 });
    const title = (progress: number) => [...drawn(d, progress).querySelectorAll('text')].map((t) => t.textContent ?? '').find((t) => t.startsWith('Embedding power'))!;
    expect(title(1)).toContain('step 42,000');
    expect(title(0)).toContain('step 250');
  });

  it('labels a diverged run at its step instead of drawing past it', async () => {
    const t = file('modular-addition-grok').trajectory;
    const cut = 100;
    const trimmed: Trajectory = {
      ...t, t: t.t.slice(0, cut), diverged: { step: t.t[cut], reason: 'test' },
      series: Object.fromEntries(Object.entries(t.series).map(([k, v]) => [k, v.slice(0, cut)])) as Trajectory['series'],
      final: { ...t.final, grokStep: -1 },
    };
    const d = await data({ run: GROK }, { run: noRun, precomputed: async () => trimmed });
    expect(d.step[d.at]).toBe(t.t[cut - 1]);
    const svg = drawn(d);
    expect(svg.outerHTML).not.toContain('NaN');
    expect(svg.textContent).toContain(`diverged at step ${t.t[cut].toLocaleString('en-US')}`);
  });

  it('refuses, with a reason, an engine host that cannot provide committed runs; the static render always can', async () => {
    await expect(data({}, { run: noRun })).rejects.toThrow(/committed engine runs/);
    const { svg, description } = await renderStatic(modularGrokking, resolveParams(modularGrokking), { run: noRun });
    expect(svg).toContain('seed 3');
    expect(description).toMatch(/groks/);
  });
});

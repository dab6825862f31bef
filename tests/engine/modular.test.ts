import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseScenario, runScenario } from '../../src/engine/index.ts';
import { createModularNet, type ModularAdditionScenario } from '../../src/engine/models/modular/modularAddition.ts';
import type { PrecomputedFile } from '../../src/engine/precompute/precomputed.ts';
import { gradCheck } from './helpers.ts';

describe('modular addition', () => {
  it('MLP gradient (tied embedding, gather inputs) matches central finite differences (rel. err < 1e-6)', () => {
    const s = parseScenario({ model: 'modular-addition', p: 7, embedSize: 6, hiddenSize: 5, trainFraction: 0.5, seed: 3 }) as unknown as ModularAdditionScenario;
    const net = createModularNet(s);
    const loss = () => {
      net.prepare();
      return net.forward(net.train, false)[0];
    };
    net.prepare();
    net.forward(net.train, true);
    net.backward();
    net.params.forEach((param, k) => {
      const g = net.grads[k].slice();
      expect(gradCheck(loss, param, g, 1e-5)).toBeLessThan(1e-6);
    });
  });

  it('the PAIR network memorises within a few hundred steps (train acc ≈ 0.5 at step 100, as in the notebook)', () => {
    const r = runScenario({ model: 'modular-addition', seed: 1, steps: 100, recordEvery: 50 });
    const acc = r.series.trainAcc as number[];
    expect(acc.at(-1)!).toBeGreaterThan(0.4);
    expect(acc.at(-1)!).toBeLessThan(0.65);
    expect((r.series.testAcc as number[]).at(-1)!).toBeLessThan(0.05);
  });

  it('Gromov’s analytic solution classifies all p² pairs for p = 23, N = 200', () => {
    expect(runScenario({ model: 'gromov-modular', p: 23, N: 200 }).final.accuracy).toBe(1);
    expect(runScenario({ model: 'gromov-modular', p: 23, N: 2 }).final.accuracy as number).toBeLessThan(0.5);
  });
});

describe('committed precomputed data', () => {
  const dir = 'data/precomputed';
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  it('the pinned grokking seed memorises early and generalises much later (test acc ≥ 0.95 at the end)', () => {
    expect(files).toContain('modular-addition-grok.json');
    const { trajectory: tr } = JSON.parse(readFileSync(`${dir}/modular-addition-grok.json`, 'utf8')) as PrecomputedFile;
    const trainAcc = tr.series.trainAcc as number[];
    const memorised = tr.t[trainAcc.findIndex((a) => a > 0.99)];
    expect(memorised).toBeLessThan(3000);
    expect(tr.final.grokStep as number).toBeGreaterThan(5 * memorised);
    expect(tr.final.testAcc as number).toBeGreaterThan(0.95);
    const norm = tr.series.weightNorm as number[];
    expect(norm.at(-1)!).toBeLessThan(Math.max(...norm) - 10);
  });

  it('the stuck seed memorises but never generalises within its run', () => {
    const { trajectory: tr } = JSON.parse(readFileSync(`${dir}/modular-addition-stuck.json`, 'utf8')) as PrecomputedFile;
    expect(tr.final.trainAcc).toBe(1);
    expect(tr.final.testAcc as number).toBeLessThan(0.05);
    expect(tr.final.grokStep).toBe(-1);
  });
  for (const f of files) {
    it(`${f}: re-running the checkpoint prefix reproduces the committed numbers exactly`, () => {
      const data = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as PrecomputedFile;
      expect(data.checkpoint).not.toBeNull();
      const again = runScenario(data.checkpoint!.scenario);
      expect(JSON.stringify(again)).toBe(JSON.stringify(data.checkpoint!.trajectory));
      // The checkpoint is a prefix of the long run: shared record times carry the same values.
      const long = data.trajectory;
      const i = long.t.indexOf(again.t.at(-1)!);
      if (i >= 0) expect((long.series.trainLoss as number[])[i]).toBe((again.series.trainLoss as number[]).at(-1));
    }, 60_000);
  }
});

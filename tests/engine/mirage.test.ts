import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, ScenarioError } from '../../src/engine/index.ts';
import { mirageSizeAtExactMatch } from '../../src/engine/models/mirage/mirage.ts';

const run = (extra: Record<string, unknown> = {}) => runScenario({ model: 'mirage', ...extra });
const series = (r: ReturnType<typeof run>, k: string) => r.series[k] as number[];

describe('mirage: per-token accuracy vs exact match', () => {
  it('puts N_θ on a log-spaced grid from 10^logSizeMin to 10^logSizeMax', () => {
    const r = run({ logSizeMin: 6, logSizeMax: 12, points: 7 });
    r.t.forEach((n, k) => expect(n / 10 ** (6 + k)).toBeCloseTo(1, 12));
  });

  it('has per-token error c·N^(−a), exact match p^L and −ln(exact match) = −L ln p at every size', () => {
    const c = 500, aTok = 0.5, L = 20;
    const r = run({ c, aTok, answerLength: L });
    r.t.forEach((n, k) => {
      const eps = c * n ** -aTok;
      expect(series(r, 'perTokenError')[k] / eps).toBeCloseTo(1, 10);
      expect(series(r, 'perTokenAccuracy')[k]).toBeCloseTo(1 - eps, 12);
      expect(series(r, 'exactMatch')[k]).toBeCloseTo((1 - eps) ** L, 12);
      expect(series(r, 'negLogExactMatch')[k] / (-L * Math.log(1 - eps))).toBeCloseTo(1, 10);
    });
  });

  it('makes −ln(exact match) a power law: its log–log slope tends to −a_tok and it lies within ε/2 + O(ε²) of L(1 − p_tok)', () => {
    const aTok = 0.4, c = 0.5 * 10 ** (6 * aTok);
    const r = run({ c, aTok, answerLength: 30 });
    const nl = series(r, 'negLogExactMatch'), fo = series(r, 'negLogExactMatchFirstOrder'), eps = series(r, 'perTokenError');
    const n = r.t.length;
    const slope = (Math.log(nl[n - 1]) - Math.log(nl[n - 2])) / (Math.log(r.t[n - 1]) - Math.log(r.t[n - 2]));
    expect(slope).toBeCloseTo(-aTok, 3);
    for (let k = 0; k < n; k++) {
      // −ln(1 − ε)/ε = 1 + ε/2 + ε²/3 + …, always ≥ 1.
      const ratio = nl[k] / fo[k];
      expect(ratio).toBeGreaterThanOrEqual(1);
      expect(ratio - 1 - eps[k] / 2).toBeLessThan(eps[k] ** 2);
      expect(series(r, 'editDistance')[k]).toBe(fo[k]);
    }
  });

  it('turns exact match from below 1e-5 into above 0.9 across the grid while per-token accuracy only moves from 0.5 to 0.9995', () => {
    const r = run();
    const em = series(r, 'exactMatch'), p = series(r, 'perTokenAccuracy');
    expect(p[0]).toBeCloseTo(0.5, 12);
    expect(p.at(-1)!).toBeCloseTo(0.9995, 12);
    expect(em[0]).toBeLessThan(1e-5);
    expect(em.at(-1)!).toBeGreaterThan(0.9);
    for (let k = 1; k < em.length; k++) expect(em[k]).toBeGreaterThan(em[k - 1]);
  });

  it('reports the size N⋆ where exact match crosses ½, in closed form and matching the grid', () => {
    const c = 500, aTok = 0.5, L = 20;
    const r = run({ c, aTok, answerLength: L, points: 2001 });
    const nStar = r.final.threshold as number;
    expect(nStar).toBeCloseTo((c / (1 - 2 ** (-1 / L))) ** (1 / aTok), -2);
    expect(((1 - c * nStar ** -aTok) ** L)).toBeCloseTo(0.5, 10);
    const em = series(r, 'exactMatch');
    const k = em.findIndex((v) => v >= 0.5);
    expect(r.t[k - 1]).toBeLessThan(nStar);
    expect(r.t[k]).toBeGreaterThanOrEqual(nStar);
    expect(r.final.thresholdLow as number).toBeLessThan(nStar);
    expect(r.final.thresholdHigh as number).toBeGreaterThan(nStar);
    expect(mirageSizeAtExactMatch(0.9, c, aTok, L)).toBe(r.final.thresholdHigh);
  });

  it('moves the threshold to larger models as answers get longer, roughly like (L_ans)^(1/a_tok)', () => {
    const t = (L: number) => run({ answerLength: L, points: 2 }).final.threshold as number;
    expect(t(10)).toBeLessThan(t(20));
    // 1 − 2^(−1/L) ≈ ln2/L, so N⋆ ∝ L^(1/a) for long answers: doubling L at a = 0.5 multiplies N⋆ by ≈ 4.
    const ratio = t(40) / t(20);
    expect(ratio).toBeCloseTo(((1 - 2 ** (-1 / 20)) / (1 - 2 ** (-1 / 40))) ** 2, 10);
    expect(ratio).toBeGreaterThan(3.8);
    expect(ratio).toBeLessThan(4);
  });

  it('keeps exact match finite (possibly 0) and never reports NaN, even for very long answers with large errors', () => {
    const r = run({ c: 0.999e6, aTok: 1, answerLength: 1000, logSizeMin: 6, logSizeMax: 7, points: 5 });
    expect(r.diverged).toBeNull();
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
    expect(series(r, 'exactMatch')[0]).toBe(0);
    expect(series(r, 'negLogExactMatch')[0]).toBeGreaterThan(6000);
  });

  it('rejects a grid where the per-token error would reach 1, and an empty size range, naming the field', () => {
    const issues = (s: Record<string, unknown>) => {
      try {
        parseScenario({ model: 'mirage', ...s });
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        return (e as ScenarioError).issues.join('\n');
      }
      throw new Error('expected a ScenarioError');
    };
    expect(issues({ c: 2000, aTok: 0.5, logSizeMin: 6 })).toMatch(/^c: .*≥ 1 at N_θ = 10\^6/);
    expect(issues({ logSizeMin: 8, logSizeMax: 8 })).toMatch(/^logSizeMax: must be > logSizeMin/);
    expect(issues({ answerLength: 0 })).toMatch(/^answerLength: /);
  });
});

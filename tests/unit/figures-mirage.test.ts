import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { mirage, sci } from '../../src/figures/mirage.ts';
import { resolveParams } from '../../src/figures/FigureSpec.ts';
import { renderStatic } from '../../src/figures/renderStatic.ts';
import { runScenario } from '../../src/engine/index.ts';

const host = { run: async (s: Record<string, unknown>) => runScenario(s) };
const data = (params: Record<string, number> = {}) => mirage.compute(resolveParams(mirage, params), host);

/** Every coordinate pair of every path and line in an SVG string. */
function coordinates(svg: string): [number, number][] {
  const { document } = parseHTML(`<html><body>${svg}</body></html>`);
  const out: [number, number][] = [];
  for (const p of document.querySelectorAll('path')) {
    const nums = (p.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
    for (let i = 0; i + 1 < nums.length; i += 2) out.push([nums[i], nums[i + 1]]);
  }
  return out;
}

describe('mirage figure', () => {
  it('draws exact match as the per-token accuracy raised to the answer length, from the engine, at every size', async () => {
    const d = await data({ answerLength: 20, aTok: 0.5 });
    expect(d.logN[0]).toBeCloseTo(6, 12);
    expect(d.logN.at(-1)!).toBeCloseTo(12, 12);
    expect(d.perTokenError[0]).toBeCloseTo(0.5, 12);
    d.logN.forEach((_, k) => expect(d.exactMatch[k]).toBeCloseTo(d.perTokenAccuracy[k] ** 20, 12));
  });

  it('shows the hidden progress: per-token accuracy makes most of its gain while exact match is still below 0.1', async () => {
    for (const answerLength of [20, 50]) {
      const d = await data({ answerLength });
      const k = d.logN.findIndex((v) => v >= Math.log10(d.thresholdLow));
      expect(d.exactMatch[k - 1]).toBeLessThan(0.1);
      const gained = (d.perTokenAccuracy[k - 1] - d.perTokenAccuracy[0]) / (d.perTokenAccuracy.at(-1)! - d.perTokenAccuracy[0]);
      expect(gained).toBeGreaterThan(0.75);
    }
  });

  it('makes −ln(exact match) a straight line of slope −a_tok on log–log axes that meets L_ans(1 − p_tok)', async () => {
    for (const aTok of [0.2, 0.5, 1]) {
      const d = await data({ aTok, answerLength: 30 });
      const n = d.logN.length;
      const slope = (Math.log10(d.negLogExactMatch[n - 1]) - Math.log10(d.negLogExactMatch[n - 11])) / (d.logN[n - 1] - d.logN[n - 11]);
      expect(slope).toBeCloseTo(-aTok, 2);
      expect(d.negLogExactMatch[n - 1] / d.expectedWrongTokens[n - 1]).toBeCloseTo(1, 1);
      // At the smallest model, p_tok = ½: −ln(½^L)/(L·½) = 2 ln 2.
      expect(d.negLogExactMatch[0] / d.expectedWrongTokens[0]).toBeCloseTo(2 * Math.LN2, 10);
    }
  });

  it('marks N⋆ where exact match crosses ½, and moves it to larger models for longer answers', async () => {
    const short = await data({ answerLength: 5 });
    const long = await data({ answerLength: 40 });
    expect(long.threshold).toBeGreaterThan(10 * short.threshold);
    for (const d of [short, long]) {
      const k = d.exactMatch.findIndex((v) => v >= 0.5);
      expect(10 ** d.logN[k - 1]).toBeLessThan(d.threshold);
      expect(10 ** d.logN[k]).toBeGreaterThanOrEqual(d.threshold);
      expect(mirage.describe(d)).toContain(`½ at Nθ ≈ ${sci(d.threshold)}`);
    }
  });

  it('says when the threshold lies beyond the largest model drawn', async () => {
    const d = await data({ answerLength: 50, aTok: 0.2 });
    expect(d.threshold).toBeGreaterThan(1e12);
    expect(mirage.describe(d)).toContain(`only at Nθ ≈ ${sci(d.threshold)} (beyond the plot)`);
    const { svg } = await renderStatic(mirage, resolveParams(mirage, { answerLength: 50, aTok: 0.2 }), host);
    expect(svg).toContain('beyond the plotted range');
  });

  it('switches only the exact-match axis between linear and logarithmic: same engine numbers, different ticks', async () => {
    const lin = await data({ logScale: 0 });
    const log = await data({ logScale: 1 });
    expect(log.exactMatch).toEqual(lin.exactMatch);
    const svgLin = (await renderStatic(mirage, resolveParams(mirage, { logScale: 0 }), host)).svg;
    const svgLog = (await renderStatic(mirage, resolveParams(mirage, { logScale: 1 }), host)).svg;
    expect(svgLog).toContain('10⁻⁸');
    expect(svgLin).not.toContain('10⁻⁸');
    expect(svgLin).toContain('>0.75<');
    expect(mirage.describe(log)).toContain('logarithmic axis');
  });

  it('keeps every drawn point inside its panel and every attribute finite, at every slider corner and in between', async () => {
    const lengths = [1, 2, 7, 20, 50];
    const exponents = Array.from({ length: 17 }, (_, i) => Number((0.2 + 0.05 * i).toFixed(2)));
    for (const answerLength of lengths) for (const aTok of exponents) for (const logScale of [0, 1]) {
      const { svg } = await renderStatic(mirage, resolveParams(mirage, { answerLength, aTok, logScale }), host);
      expect(svg).not.toMatch(/NaN|Infinity/);
      expect(svg).not.toMatch(/\sid="/);
      const pts = coordinates(svg);
      // Curves are drawn (the build-time SVG keeps only the points simplifyPaths cannot drop: a straight log–log
      // line is two of them).
      expect(pts.length).toBeGreaterThan(20);
      for (const [x, y] of pts) {
        const inLeft = x >= 95 - 0.01 && x <= 410 + 0.01;
        const inRight = x >= 545 - 0.01 && x <= 860 + 0.01;
        expect(inLeft || inRight).toBe(true);
        expect(y).toBeGreaterThanOrEqual(50 - 0.01);
        expect(y).toBeLessThanOrEqual(330 + 0.01);
      }
    }
  }, 60_000);

  it('reveals the curves from small to large models as the animation progresses', async () => {
    const d = await data();
    const { document } = parseHTML('<html><body><svg viewBox="0 0 900 484"></svg></body></html>');
    const svg = document.querySelector('svg') as unknown as SVGSVGElement;
    mirage.draw(svg, d, 0.5);
    const half = coordinates((svg as unknown as { outerHTML: string }).outerHTML);
    const maxLeftX = Math.max(...half.filter(([x]) => x < 450).map(([x]) => x));
    expect(maxLeftX).toBeCloseTo(95 + (410 - 95) / 2, 0);
    mirage.draw(svg, d, 0);
    expect(coordinates((svg as unknown as { outerHTML: string }).outerHTML)).toEqual([]);
  });
  it('draws a stopped engine run as far as it got and says so, without NaN', async () => {
    const d = await data();
    const cut = { ...d, logN: d.logN.slice(0, 30), perTokenAccuracy: d.perTokenAccuracy.slice(0, 30), perTokenError: d.perTokenError.slice(0, 30), exactMatch: d.exactMatch.slice(0, 30), negLogExactMatch: d.negLogExactMatch.slice(0, 30), expectedWrongTokens: d.expectedWrongTokens.slice(0, 30), diverged: { step: 30, reason: 'a test stop at step 30' } };
    const { document } = parseHTML('<html><body><svg viewBox="0 0 900 484"></svg></body></html>');
    const svg = document.querySelector('svg') as unknown as SVGSVGElement;
    mirage.draw(svg, cut, 1);
    const html = (svg as unknown as { outerHTML: string }).outerHTML;
    expect(html).toContain('run stopped at grid point 30');
    expect(html).not.toMatch(/NaN|Infinity/);
    expect(html).toContain('N⋆ = 2.2·10⁸, not yet drawn');
    expect(mirage.describe(cut)).toContain('stopped at grid point 30');
  });
});

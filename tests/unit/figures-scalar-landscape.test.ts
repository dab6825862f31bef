import { describe, expect, it } from 'vitest';
import { scalarLandscape, scalarLandscapeScenario } from '../../src/figures/scalarLandscape.ts';
import { scalarTwoLayerSchema } from '../../src/engine/models/scalar/scalarTwoLayer.ts';
import { resolveParams } from '../../src/figures/FigureSpec.ts';
import { runScenario } from '../../src/engine/index.ts';
import { parseHTML } from 'linkedom';
import { marksOutsidePlotArea, nonFiniteValues, svgTexts } from '../support/figureGeometry.ts';

function drawAt(d: Awaited<ReturnType<typeof data>>, progress: number): string {
  const { document } = parseHTML('<!doctype html><html><body><svg viewBox="0 0 900 470"></svg></body></html>');
  const svg = document.querySelector('svg') as unknown as SVGSVGElement;
  scalarLandscape.draw(svg, d, progress);
  return (svg as unknown as Element).outerHTML;
}

const host = { run: async (s: Record<string, unknown>) => runScenario(s) };
const data = (params: Record<string, number> = {}) => scalarLandscape.compute(resolveParams(scalarLandscape, params), host);

describe('scalar-landscape figure', () => {
  it('runs, at every corner of its sliders, a complete scenario the engine validates to itself, with the result runScenario gives', async () => {
    for (const corner of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]) {
      const params = Object.fromEntries(scalarLandscape.controls.map((c, i) => [c.name, (corner >> i) & 1 ? c.max : c.min]));
      const scenario = scalarLandscapeScenario(resolveParams(scalarLandscape, params));
      expect(scalarTwoLayerSchema.parse(scenario)).toEqual(scenario);
      const d = await data(params);
      const viaEngine = runScenario(scenario);
      expect(d.w1).toEqual(viaEngine.series.w1);
      expect(d.loss).toEqual(viaEngine.series.loss);
    }
  });

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

  it('slides visibly along the start\'s hyperbola at its default: a path of more than 80 viewBox units that keeps w₂² − w₁² within 0.15', async () => {
    const d = await data();
    let length = 0;
    for (let k = 1; k < d.w1.length; k++) length += Math.hypot(d.w1[k] - d.w1[k - 1], d.w2[k] - d.w2[k - 1]) * (370 / 5);
    expect(length).toBeGreaterThan(80);
    const lambda0 = d.start[1] ** 2 - d.start[0] ** 2;
    d.w1.forEach((w1, k) => expect(Math.abs(d.w2[k] ** 2 - w1 ** 2 - lambda0)).toBeLessThan(0.15));
    expect(d.w1.at(-1)! * d.w2.at(-1)!).toBeCloseTo(1, 6);
  });

  it('shows only the start on the first step: the loss panel holds the starting loss, and no end result is printed or described', async () => {
    const d = await data();
    const first = svgTexts(drawAt(d, 0)).join(' | ');
    expect(first).toContain(`start (-0.6, 1.2): loss ${d.loss[0].toPrecision(3)}`);
    expect(first).not.toMatch(/sharpness|stable/);
    expect(scalarLandscape.describe(d, 0)).toContain('not drawn yet');
    expect(scalarLandscape.describe(d, 0)).not.toContain('sharpness');
    const last = svgTexts(drawAt(d, 1)).join(' | ');
    expect(last).toContain(`sharpness ${d.sharpness.toFixed(2)} < 2/η = 20.00 (stable)`);
  });

  it('keeps contours, curves and the trajectory inside the frame, with a single-stroke label (no paint-order outline)', async () => {
    const cases: Record<string, number>[] = [{}, { eta: 1.2, w1: 2.4, w2: 2.4 }, { s: 2, w1: -2.4, w2: 2.4, eta: 0.5 }, { s: 0.5, w1: 0, w2: 0 }];
    for (const params of cases) {
      const d = await data(params);
      for (const progress of [0, 0.5, 1]) {
        const svg = drawAt(d, progress);
        expect(nonFiniteValues(svg)).toEqual([]);
        expect(marksOutsidePlotArea(svg)).toEqual([]);
        expect(svg).not.toContain('paint-order');
      }
    }
  });

  it('draws a diverged run up to its last finite iterate and says where it diverged', async () => {
    const d = await data({ eta: 1.2, w1: 2.4, w2: 2.4 });
    const texts = svgTexts(drawAt(d, 1));
    expect(texts).toContain(`diverged at step ${d.diverged!.step}`);
    expect(texts.join(' ')).toContain(`η = 1.2: diverged at step ${d.diverged!.step}`);
  });
});

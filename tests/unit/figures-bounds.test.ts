import { describe, expect, it } from 'vitest';
import { figures } from '../../src/figures/registry.ts';
import { figureNames } from '../../src/figures/figureNames.ts';
import { renderStatic } from '../../src/figures/renderStatic.ts';
import { resolveParams } from '../../src/figures/FigureSpec.ts';
import { runScenario } from '../../src/engine/index.ts';
import { marksOutsidePlotArea, nonFiniteValues, parseSvg } from '../support/figureGeometry.ts';

/**
 * Each figure at its default: every panel is tagged with its
 * plot area (drawAxes does it), no attribute is NaN or ±∞, and every data mark lies in its panel's plot area
 * (keys go in a `g.key`/`g.legend` or outside the panel group).
 */
describe('every registered figure at its defaults', () => {
  for (const name of figureNames) {
    it(`${name} keeps every mark inside its plot area and every attribute finite`, async () => {
      const spec = figures[name];
      const { svg } = await renderStatic(spec, resolveParams(spec), { run: async (s) => runScenario(s) });
      expect(parseSvg(svg).querySelectorAll('[data-plot-area]').length).toBeGreaterThan(0);
      expect(nonFiniteValues(svg)).toEqual([]);
      expect(marksOutsidePlotArea(svg)).toEqual([]);
    });
  }
});

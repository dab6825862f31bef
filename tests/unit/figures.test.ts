import { describe, expect, it } from 'vitest';
import { figures } from '../../src/figures/registry.ts';
import { figureNames } from '../../src/figures/figureNames.ts';
import { figureLoaders } from '../../src/figures/figureLoaders.ts';
import { renderStatic } from '../../src/figures/renderStatic.ts';
import { resolveParams } from '../../src/figures/FigureSpec.ts';
import { saxeModes } from '../../src/figures/saxeModes.ts';
import { runScenario } from '../../src/engine/index.ts';
import { palette } from '../../src/figures/palette.ts';
import { marksOutsidePlotArea, parseSvg } from '../support/figureGeometry.ts';

describe('figure registry', () => {
  it('registers exactly the names the build accepts', () => {
    expect(Object.keys(figures).sort()).toEqual([...figureNames].sort());
  });

  it('loads in the browser, by name, the very spec the build draws with', async () => {
    expect(Object.keys(figureLoaders).sort()).toEqual([...figureNames].sort());
    for (const name of figureNames) expect(await figureLoaders[name](), name).toBe(figures[name]);
  });

  for (const name of figureNames) {
    it(`${name} renders a static SVG with a title and an engine-derived description, and no ids`, async () => {
      const spec = figures[name];
      const { svg, description } = await renderStatic(spec, resolveParams(spec), { run: async (s) => runScenario(s) });
      expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
      expect(svg).toContain('<title>');
      expect(svg).toContain(`<desc>${description.replace(/&/g, '&amp;')}</desc>`);
      expect(svg).not.toMatch(/\sid="/);
      expect(svg).not.toContain('NaN');
    });
  }
});

describe('saxe-modes figure', () => {
  it('takes its half-times from the closed form: 1.33, 1.90, 3.45 for s = (3, 2, 1), u0 = 1e-3', async () => {
    const data = await saxeModes.compute(resolveParams(saxeModes), { run: async (s) => runScenario(s) });
    expect(data.halfTimes.map((t) => t.toFixed(2))).toEqual(['1.33', '1.90', '3.45']);
    expect(data.plateaus).toEqual([7, 2.5, 0.5, 0]);
    expect(saxeModes.describe(data)).toContain('t = 1.33');
  });

  it('has loss ½Σ(s − u)² at every sample and reaches the plateau values between mode jumps', async () => {
    const d = await saxeModes.compute(resolveParams(saxeModes, { s1: 3, s2: 2, s3: 1, log10u0: -6 }), { run: async (s) => runScenario(s) });
    d.t.forEach((_, k) => expect(d.loss[k]).toBeCloseTo(0.5 * d.s.reduce((a, s, i) => a + (s - d.u[i][k]) ** 2, 0), 12));
    expect(d.loss[0]).toBeCloseTo(7, 4);
    expect(d.loss.at(-1)!).toBeLessThan(0.05);
  });

  it('overlays an engine simulation of the full network that agrees with the closed form to 1e-4 · max s', async () => {
    const d = await saxeModes.compute(resolveParams(saxeModes), { run: async (s) => runScenario(s) });
    expect(d.simulated.t.length).toBeGreaterThan(10);
    expect(d.maxDeviation).toBeLessThan(1e-4 * 3);
    expect(saxeModes.describe(d)).toMatch(/simulated by the course engine, within \d\.\de-\d+ of the closed form/);
  });

  it('rejects parameters outside a slider range or unknown to the figure', () => {
    expect(() => resolveParams(saxeModes, { s1: 40 })).toThrow(/outside/);
    expect(() => resolveParams(saxeModes, { depth: 3 })).toThrow(/has no parameter "depth"/);
  });

  it('names and colours each mode after its slider, whatever its rank (s₁ = 0.2 stays s₁, in the first colour)', async () => {
    const params = resolveParams(saxeModes, { s1: 0.2, s2: 2, s3: 1 });
    const { svg, description } = await renderStatic(saxeModes, params, { run: async (s) => runScenario(s) });
    const root = parseSvg(svg);
    const labels = [...root.querySelectorAll('text')].filter((t) => /^s[₁₂₃] = /.test(t.textContent ?? '') && t.getAttribute('fill') !== 'none');
    const byName = Object.fromEntries(labels.map((t) => [t.textContent!.slice(0, 2), { text: t.textContent!, fill: t.getAttribute('fill') }]));
    expect(byName['s₁']).toEqual({ text: 's₁ = 0.2, t½ = 13.23', fill: palette[0] });
    expect(byName['s₂'].text.startsWith('s₂ = 2.0')).toBe(true);
    expect(byName['s₂'].fill).toBe(palette[1]);
    expect(byName['s₃'].fill).toBe(palette[2]);
    const curves = [...root.querySelectorAll('path.mode')].map((p) => [p.getAttribute('data-mode'), p.getAttribute('stroke')]);
    expect(curves).toEqual([['s₁', palette[0]], ['s₂', palette[1]], ['s₃', palette[2]]]);
    expect(JSON.parse(root.querySelector('g.plot')!.getAttribute('data-drawn-params')!)).toEqual({ s1: 0.2, s2: 2, s3: 1, log10u0: -3 });
    expect(description).toContain('s₁ = 0.2, s₂ = 2.0, s₃ = 1.0');
    expect(marksOutsidePlotArea(svg)).toEqual([]);
  });

  it('draws no saddle plateau between modes of equal strength, which are learned together', async () => {
    const d = await saxeModes.compute(resolveParams(saxeModes, { s1: 2, s2: 2, s3: 1 }), { run: async (s) => runScenario(s) });
    expect(saxeModes.describe(d)).toContain('pausing at the saddle plateaus 0.50,');
  });
});

import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { scaleLinear, select } from 'd3';
import { clipPolyline, clippedPath, clipRing, finiteExtent, lastFiniteIndex, type Area } from '../../src/figures/clip.ts';
import { spreadLabels, plotRoot, haloText } from '../../src/figures/plotFrame.ts';
import { drawAxes } from '../../src/figures/axes.ts';

const box: Area = { x0: 0, x1: 100, y0: 0, y1: 50 };

describe('shared figure guards', () => {
  it('cuts a polyline where it leaves the plot area and starts a new run where it comes back', () => {
    const runs = clipPolyline([[10, 10], [200, 10], [200, 40], [50, 40]], box);
    expect(runs).toEqual([[[10, 10], [100, 10]], [[100, 40], [50, 40]]]);
  });

  it('breaks a polyline at NaN and ±∞ instead of passing them on', () => {
    const runs = clipPolyline([[10, 10], [20, 20], [NaN, 5], [30, 30], [Infinity, 1], [40, 40], [50, 45]], box);
    expect(runs).toEqual([[[10, 10], [20, 20]], [[40, 40], [50, 45]]]);
    expect(clippedPath([[NaN, NaN], [1e300, -1e300]], box)).toBe('');
  });

  it('keeps a diverging path inside the frame: every vertex of the cut path is in the area', () => {
    const d = clippedPath([[50, 25], [60, 30], [-4000, 900], [1e9, -1e9]], box);
    const nums = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    for (let k = 0; k < nums.length; k += 2) {
      expect(nums[k]).toBeGreaterThanOrEqual(0);
      expect(nums[k]).toBeLessThanOrEqual(100);
      expect(nums[k + 1]).toBeGreaterThanOrEqual(0);
      expect(nums[k + 1]).toBeLessThanOrEqual(50);
    }
  });

  it('cuts a filled ring to the area (contour bands end on the frame, with no notch)', () => {
    const ring = clipRing([[-10, -10], [110, -10], [110, 60], [-10, 60]], box);
    expect(ring.map(([x, y]) => `${x},${y}`).sort()).toEqual(['0,0', '0,50', '100,0', '100,50']);
    expect(clipRing([[200, 200], [300, 200], [300, 300]], box)).toEqual([]);
  });

  it('finds the finite range and the last finite point of a diverged series', () => {
    expect(finiteExtent([1, NaN, 3, Infinity, -2])).toEqual([-2, 3]);
    expect(finiteExtent([NaN], [0, 1])).toEqual([0, 1]);
    expect(lastFiniteIndex([1, 2, NaN, Infinity])).toBe(1);
  });

  it('spreads crowded labels apart, upwards from the lowest when asked, within bounds', () => {
    expect(spreadLabels([100, 100, 100], 19, 20, 300, 'up')).toEqual([62, 81, 100]);
    expect(spreadLabels([100, 100, 100], 19, 20, 300, 'down')).toEqual([100, 119, 138]);
    expect(spreadLabels([30, 30], 19, 20, 300, 'up')).toEqual([20, 39]);
  });

  it('tags each panel drawn with drawAxes with its plot area, clamps its scales and survives a NaN domain', () => {
    const { document } = parseHTML('<!doctype html><html><body><svg viewBox="0 0 400 300"></svg></body></html>');
    const svg = document.querySelector('svg') as unknown as SVGSVGElement;
    const root = plotRoot(svg, { eta: 0.2 });
    const g = root.append('g');
    const x = scaleLinear().domain([0, NaN]).range([50, 350]);
    const y = scaleLinear().domain([0, 1]).range([250, 40]);
    drawAxes(g, x, y, { x: 'x', y: 'y' });
    expect(g.attr('data-plot-area')).toBe('50 40 350 250');
    expect(root.attr('data-drawn-params')).toBe('{"eta":0.2}');
    expect(y(5)).toBe(40);
    expect((svg as unknown as Element).outerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('draws halo labels as two texts so the letters never carry the white stroke', () => {
    const { document } = parseHTML('<!doctype html><html><body><svg viewBox="0 0 400 300"></svg></body></html>');
    const svg = document.querySelector('svg') as unknown as SVGSVGElement;
    haloText(select(svg).append('g'), 'minima', 10, 20, { colour: '#009E73' });
    const texts = [...(svg as unknown as Element).querySelectorAll('text')];
    expect(texts).toHaveLength(2);
    expect(texts[1].getAttribute('stroke')).toBeNull();
    expect(texts[1].getAttribute('fill')).toBe('#009E73');
    expect((svg as unknown as Element).outerHTML).not.toContain('paint-order');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { simplifyPathData, simplifyPaths, simplifyPolyline } from '../../src/figures/simplifyPaths.ts';

/** Distance from p to the polyline through `line`. */
function distanceToPolyline(p: readonly [number, number], line: ReadonlyArray<readonly [number, number]>): number {
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const [a, b] = [line[i], line[i + 1]];
    const dx = b[0] - a[0], dy = b[1] - a[1];
    const l2 = dx * dx + dy * dy;
    const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2));
    best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
  }
  return line.length === 1 ? Math.hypot(p[0] - line[0][0], p[1] - line[0][1]) : best;
}

const point = fc.tuple(fc.double({ min: -500, max: 500, noNaN: true }), fc.double({ min: -500, max: 500, noNaN: true }));

describe('simplifyPolyline', () => {
  it('keeps every dropped point within the tolerance of the simplified line, and both ends', () => {
    fc.assert(fc.property(fc.array(point, { minLength: 2, maxLength: 80 }), fc.double({ min: 0.01, max: 5, noNaN: true }), (points, tolerance) => {
      const kept = simplifyPolyline(points, tolerance);
      expect(kept[0]).toEqual(points[0]);
      expect(kept.at(-1)).toEqual(points.at(-1));
      for (const p of points) expect(distanceToPolyline(p, kept)).toBeLessThanOrEqual(tolerance + 1e-9);
    }));
  });

  it('reduces a densely sampled smooth curve to a small fraction of its points', () => {
    const curve = Array.from({ length: 4000 }, (_, i): [number, number] => [i * 0.2, 300 - 250 / (1 + Math.exp(-(i - 2000) / 200))]);
    const kept = simplifyPolyline(curve, 0.25);
    expect(kept.length).toBeLessThan(curve.length / 20);
  });
});

describe('simplifyPathData', () => {
  it('simplifies M/L subpaths separately and writes at most two decimals', () => {
    const d = 'M0,0L1,0.001L2,0L3,0M10,10L11,12L12,10';
    expect(simplifyPathData(d, 0.25)).toBe('M0,0L3,0M10,10L11,12L12,10');
    expect(simplifyPathData('M0.123456,1L5,1', 0.25)).toBe('M0.12,1L5,1');
  });

  it('leaves curves, arcs, closed shapes and relative commands as they are', () => {
    for (const d of ['M0,0C1,1,2,2,3,3', 'M0,0L1,0L1,1Z', 'M0,0A5,5,0,0,1,10,0', 'm0,0l1,0l1,0', 'M0,0H10V5']) expect(simplifyPathData(d, 0.25)).toBe(d);
  });
});

describe('simplifyPaths', () => {
  it('rewrites polyline paths in an SVG and leaves other elements alone', () => {
    const { document } = parseHTML('<svg><path d="M0,0L1,0L2,0"/><path d="M0,0C1,1,2,2,3,3"/><line x1="0" y1="0" x2="1" y2="1"/></svg>');
    simplifyPaths(document.querySelector('svg') as unknown as Element);
    expect([...document.querySelectorAll('path')].map((p) => p.getAttribute('d'))).toEqual(['M0,0L2,0', 'M0,0C1,1,2,2,3,3']);
  });
});

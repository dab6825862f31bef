/**
 * Drops the points of straight-segment paths that no eye can see: a trajectory of thousands of steps drawn on a
 * log axis puts many points within a fraction of a pixel of each other. Ramer–Douglas–Peucker keeps every
 * point that lies farther than `tolerance` (SVG user units) from the simplified line, so the drawing moves by
 * at most that much. Used on the build-time SVGs, whose path data was most of a deck's HTML.
 */

type Point = readonly [number, number];

const NUMBER = String.raw`-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
/** "M x,y L x,y …" subpaths only; anything with curves, arcs, H/V or relative commands is left as it is. */
const POLYLINE = new RegExp(String.raw`^\s*(?:M\s*${NUMBER}[\s,]*${NUMBER}(?:\s*L\s*${NUMBER}[\s,]*${NUMBER})*\s*)+$`);

/** Distance from p to the segment a–b. */
function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** The points of `points` Ramer–Douglas–Peucker keeps at `tolerance`, first and last always among them. */
export function simplifyPolyline(points: readonly Point[], tolerance: number): Point[] {
  if (points.length < 3) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  // An explicit stack: a long monotone run would recurse thousands deep.
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i], points[first], points[last]);
      if (d > distance) { distance = d; farthest = i; }
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([first, farthest], [farthest, last]);
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Rounds to two decimals, as d3-path writes them, without trailing zeros. */
const format = (v: number) => String(Math.round(v * 100) / 100);

/** Simplified path data, or `d` unchanged when it is not made of M/L polylines. */
export function simplifyPathData(d: string, tolerance: number): string {
  if (!POLYLINE.test(d)) return d;
  return d
    .split('M')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const numbers = part.match(new RegExp(NUMBER, 'g'))!.map(Number);
      const points: Point[] = [];
      for (let i = 0; i + 1 < numbers.length; i += 2) points.push([numbers[i], numbers[i + 1]]);
      return 'M' + simplifyPolyline(points, tolerance).map(([x, y]) => `${format(x)},${format(y)}`).join('L');
    })
    .join('');
}

/** Simplifies every polyline `<path>` under `root` in place. */
export function simplifyPaths(root: Element, tolerance = 0.25): void {
  for (const path of root.querySelectorAll('path[d]')) {
    const d = path.getAttribute('d')!;
    const simplified = simplifyPathData(d, tolerance);
    if (simplified !== d) path.setAttribute('d', simplified);
  }
}

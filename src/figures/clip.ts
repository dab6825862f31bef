/**
 * Geometry guards shared by every figure: keep marks inside their plot area and keep NaN and ±∞ out of SVG
 * attributes. Figures carry no ids (reveal clones slides for print), so `clipPath` by id is unavailable;
 * these helpers cut the geometry itself at the panel's edges instead.
 */

/** A panel's plot area in viewBox units, normalised so that x0 ≤ x1 and y0 ≤ y1 (y0 is the top edge). */
export interface Area { x0: number; x1: number; y0: number; y1: number }

export type Point = readonly [number, number];

/** The plot area spanned by a pair of scales' ranges, whatever their orientation. */
export function areaOf(x: { range(): number[] }, y: { range(): number[] }): Area {
  const [a, b] = x.range();
  const [c, d] = y.range();
  return { x0: Math.min(a, b), x1: Math.max(a, b), y0: Math.min(c, d), y1: Math.max(c, d) };
}

/** True for a finite number (not NaN, not ±∞). */
export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** `v` if finite, else `fallback`: the last line of defence before a value becomes an SVG attribute. */
export const finiteOr = (v: number, fallback: number): number => (Number.isFinite(v) ? v : fallback);

/** Clamps `v` to [lo, hi]; NaN becomes `lo`. */
export const clampTo = (v: number, lo: number, hi: number): number => (v >= lo ? (v <= hi ? v : hi) : lo);

/** Index of the last finite entry of a series (−1 if none): where a diverged run is drawn to end. */
export function lastFiniteIndex(values: readonly number[]): number {
  for (let k = values.length - 1; k >= 0; k--) if (Number.isFinite(values[k])) return k;
  return -1;
}

/**
 * [min, max] of the finite entries, or `fallback` when there are none; a degenerate range is widened so a
 * scale built on it never divides by zero.
 */
export function finiteExtent(values: readonly number[], fallback: [number, number] = [0, 1]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
  if (lo > hi) return fallback;
  if (lo === hi) { const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1; return [lo - pad, hi + pad]; }
  return [lo, hi];
}

/** Liang–Barsky: the part of segment p→q inside the area as parameters [t0, t1] ⊆ [0, 1], or null. */
function clipSegment(p: Point, q: Point, a: Area): [number, number] | null {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [[-dx, p[0] - a.x0], [dx, a.x1 - p[0]], [-dy, p[1] - a.y0], [dy, a.y1 - p[1]]];
  for (const [pe, qe] of edges) {
    if (pe === 0) { if (qe < 0) return null; continue; }
    const r = qe / pe;
    if (pe < 0) { if (r > t1) return null; if (r > t0) t0 = r; }
    else { if (r < t0) return null; if (r < t1) t1 = r; }
  }
  return [t0, t1];
}

/**
 * Cuts a polyline (in viewBox units) at the area's edges and at non-finite points: returns the visible runs,
 * each with at least two points, entering and leaving exactly on the frame. A run that leaves the panel and
 * comes back is drawn as two runs, never as a line along the frame.
 */
export function clipPolyline(points: readonly Point[], area: Area): [number, number][][] {
  const runs: [number, number][][] = [];
  let run: [number, number][] = [];
  const flush = () => { if (run.length >= 2) runs.push(run); run = []; };
  const at = (p: Point, q: Point, t: number): [number, number] => [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
  let prev: Point | null = null;
  for (const p of points) {
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) { flush(); prev = null; continue; }
    if (prev === null) {
      prev = p;
      continue;
    }
    const span = clipSegment(prev, p, area);
    if (!span) { flush(); prev = p; continue; }
    const [t0, t1] = span;
    if (t0 > 0 || run.length === 0) { flush(); run.push(at(prev, p, t0)); }
    run.push(at(prev, p, t1));
    if (t1 < 1) flush();
    prev = p;
  }
  flush();
  return runs;
}

/** Whether a point lies in the area (edges included); false for non-finite coordinates. */
export function inArea(p: Point, a: Area): boolean {
  return p[0] >= a.x0 && p[0] <= a.x1 && p[1] >= a.y0 && p[1] <= a.y1;
}

const round = (v: number, digits: number) => { const f = 10 ** digits; return Math.round(v * f) / f; };

/** An SVG path `d` for the visible runs of a polyline: "M…L…" per run, "" when nothing is inside. */
export function clippedPath(points: readonly Point[], area: Area, digits = 2): string {
  return clipPolyline(points, area)
    .map((r) => r.map(([x, y], k) => `${k === 0 ? 'M' : 'L'}${round(x, digits)},${round(y, digits)}`).join(''))
    .join('');
}

/**
 * Sutherland–Hodgman: a closed ring (polygon boundary) cut to the area, for filled shapes such as contour
 * bands. Returns [] when the ring lies outside. Non-finite vertices are dropped first.
 */
export function clipRing(ring: readonly Point[], a: Area): [number, number][] {
  let out: [number, number][] = ring.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1])).map((p) => [p[0], p[1]]);
  const sides: [(p: Point) => boolean, (p: Point, q: Point) => [number, number]][] = [
    [(p) => p[0] >= a.x0, (p, q) => [a.x0, p[1] + ((q[1] - p[1]) * (a.x0 - p[0])) / (q[0] - p[0])]],
    [(p) => p[0] <= a.x1, (p, q) => [a.x1, p[1] + ((q[1] - p[1]) * (a.x1 - p[0])) / (q[0] - p[0])]],
    [(p) => p[1] >= a.y0, (p, q) => [p[0] + ((q[0] - p[0]) * (a.y0 - p[1])) / (q[1] - p[1]), a.y0]],
    [(p) => p[1] <= a.y1, (p, q) => [p[0] + ((q[0] - p[0]) * (a.y1 - p[1])) / (q[1] - p[1]), a.y1]],
  ];
  for (const [inside, cross] of sides) {
    if (out.length === 0) break;
    const input = out;
    out = [];
    for (let k = 0; k < input.length; k++) {
      const p = input[k];
      const q = input[(k + 1) % input.length];
      const pin = inside(p);
      const qin = inside(q);
      if (pin) out.push(p);
      if (pin !== qin) out.push(cross(p, q));
    }
  }
  return out.length >= 3 ? out : [];
}

/** An SVG path `d` for rings cut to the area (each closed with Z), "" when nothing is inside. */
export function clippedRingsPath(rings: readonly (readonly Point[])[], area: Area, digits = 2): string {
  return rings
    .map((ring) => clipRing(ring, area))
    .filter((r) => r.length >= 3)
    .map((r) => r.map(([x, y], k) => `${k === 0 ? 'M' : 'L'}${round(x, digits)},${round(y, digits)}`).join('') + 'Z')
    .join('');
}

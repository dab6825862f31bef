/**
 * Figures on narrow screens. A figure draws into one fixed viewBox (900 units wide), so in a 360-pixel column
 * its text would shrink to 5 px. When the figure's box is too narrow for its smallest text to stay at
 * {@link MIN_TEXT_PX}, this module shows the one drawn SVG as a stack of views instead, each a plain clone
 * (no ids, no <use>) whose viewBox is cropped to one region of the drawing:
 *
 * - one view per plot panel (the panels' rectangles come from `data-plot-area`, which `drawAxes` writes on
 *   every panel), widened to take in its tick labels, axis labels and title; panels sharing a column (a panel
 *   stacked over another) stay together;
 * - the strip below the panels (legends, summary lines) is cut at the gaps between its items into pieces
 *   narrow enough to read;
 * - text is enlarged in place where a view would still show it below the minimum; a text line that would
 *   then stick out of its view (a long title or summary) is shown as an HTML line above or below the view;
 * - a panel too wide to fit at a readable size (a full-width panel) scrolls sideways in its own box.
 *
 * Each text element appears in exactly one view (the one holding its centre). The original SVG stays in the
 * page, visually hidden but read by assistive technology (its <title>/<desc>), and is what prints; the views
 * are aria-hidden. Clicks on a view reach the figure in viewBox coordinates, which views share with the
 * original. Wide screens, print and no-JS readers keep the original. Only this island measures the DOM (the
 * figures' draw code never does); it runs after each render and when the figure's box changes width.
 */

/** Smallest figure text, in CSS pixels, on a narrow screen. */
export const MIN_TEXT_PX = 11.5;
/** Figures whose smallest text (in viewBox units) is this size are re-laid out below the minimum. */
const SMALLEST_TEXT_UNITS = 14;
/** Units per CSS pixel beyond which a panel scrolls rather than shrinks. */
const SCROLL_SCALE = 12 / SMALLEST_TEXT_UNITS;

type OnPointer = (event: MouseEvent) => void;
interface Rect { x0: number; y0: number; x1: number; y1: number }
interface View { crop: Rect; scroll: boolean }

const state = new WeakMap<HTMLElement, { svg: SVGSVGElement; onPointer?: OnPointer; observer: ResizeObserver; width: number }>();
let pendingFrame = 0;
const pendingHosts = new Set<HTMLElement>();

/**
 * Called by `<dyn-figure>` after every render: re-lays the figure out for its current width (coalesced to one
 * update per animation frame).
 */
export function narrowLayout(host: HTMLElement, svg: SVGSVGElement, onPointer?: OnPointer): void {
  let s = state.get(host);
  if (!s) {
    const observer = new ResizeObserver(() => {
      const st = state.get(host);
      if (st && host.clientWidth !== st.width) schedule(host);
    });
    observer.observe(host);
    s = { svg, onPointer, observer, width: -1 };
    state.set(host, s);
  }
  s.svg = svg;
  s.onPointer = onPointer;
  schedule(host);
}

function schedule(host: HTMLElement): void {
  pendingHosts.add(host);
  if (pendingFrame) return;
  pendingFrame = requestAnimationFrame(() => {
    pendingFrame = 0;
    const hosts = [...pendingHosts];
    pendingHosts.clear();
    for (const h of hosts) update(h);
  });
}

function viewsBox(host: HTMLElement): HTMLElement | null {
  return host.querySelector<HTMLElement>(':scope > .figure-narrow');
}

function update(host: HTMLElement): void {
  const s = state.get(host);
  if (!s || !host.isConnected) return;
  const width = host.clientWidth;
  s.width = width;
  const vb = s.svg.viewBox.baseVal;
  if (width === 0 || !vb || vb.width === 0) return; // not rendered (hidden slide, closed <details>): wait for a resize
  const narrow = (width / vb.width) * SMALLEST_TEXT_UNITS < MIN_TEXT_PX;
  let box = viewsBox(host);
  if (!narrow) {
    box?.remove();
    host.removeAttribute('data-narrow');
    return;
  }
  if (!box) {
    box = document.createElement('div');
    box.className = 'figure-narrow';
    s.svg.after(box);
  }
  host.setAttribute('data-narrow', '');
  render(box, s.svg, width, s.onPointer);
}

/** A leaf's bounding box in the root SVG's viewBox units (null when it has no geometry). */
function boxOf(el: SVGGraphicsElement, toRoot: DOMMatrix): Rect | null {
  let b: DOMRect;
  try { b = el.getBBox(); } catch { return null; }
  if (b.width === 0 && b.height === 0) return null;
  const m = toRoot.multiply(el.getScreenCTM() ?? new DOMMatrix());
  const pts = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]].map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const r = { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
  return [r.x0, r.x1, r.y0, r.y1].every(Number.isFinite) ? r : null;
}

const centre = (r: Rect): [number, number] => [(r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2];
const inside = (p: [number, number], r: Rect): boolean => p[0] >= r.x0 && p[0] < r.x1 && p[1] >= r.y0 && p[1] < r.y1;

/** Groups intervals that overlap (or lie within `gap`) into clusters, in order. */
function cluster<T>(items: T[], lo: (t: T) => number, hi: (t: T) => number, gap = 0): T[][] {
  const sorted = [...items].sort((a, b) => lo(a) - lo(b));
  const out: T[][] = [];
  let end = -Infinity;
  for (const it of sorted) {
    if (out.length && lo(it) <= end + gap) { out[out.length - 1].push(it); end = Math.max(end, hi(it)); }
    else { out.push([it]); end = hi(it); }
  }
  return out;
}

/** The views of a drawing: panels by rows and columns, then the strip below them in readable pieces. */
function plan(svg: SVGSVGElement, leaves: { el: SVGGraphicsElement; box: Rect }[], maxW: number): View[] {
  const vb = svg.viewBox.baseVal;
  const W = vb.x + vb.width;
  const H = vb.y + vb.height;
  const areas: Rect[] = [...svg.querySelectorAll('[data-plot-area]')].map((g) => {
    const [x0, y0, x1, y1] = (g.getAttribute('data-plot-area') ?? '').split(' ').map(Number);
    return { x0, y0, x1, y1 };
  }).filter((r) => [r.x0, r.y0, r.x1, r.y1].every(Number.isFinite) && r.x1 > r.x0 && r.y1 > r.y0);
  if (areas.length === 0) return [{ crop: { x0: vb.x, y0: vb.y, x1: W, y1: H }, scroll: vb.width > maxW }];

  const views: View[] = [];
  const rows = cluster(areas, (a) => a.y0, (a) => a.y1);
  let top = vb.y;
  rows.forEach((row, r) => {
    const rowY1 = Math.max(...row.map((a) => a.y1));
    const next = rows[r + 1];
    // Below a row: its tick labels and axis title (about 55 units), but not the next row's title.
    const nextY0 = next ? Math.min(...next.map((a) => a.y0)) : H;
    const bottom = next ? Math.max(rowY1 + 8, Math.min(rowY1 + 60, nextY0 - 26)) : Math.min(H, rowY1 + 60);
    const cols = cluster(row, (a) => a.x0, (a) => a.x1);
    let left = vb.x;
    cols.forEach((col, c) => {
      const colX1 = Math.max(...col.map((a) => a.x1));
      const nextCol = cols[c + 1];
      const nextX0 = nextCol ? Math.min(...nextCol.map((a) => a.x0)) : W;
      // The next panel's tick labels and axis title take about 70 units to its left.
      const right = nextCol ? Math.max(colX1 + 4, Math.min(nextX0 - 70, (colX1 + nextX0) / 2 + 30)) : W;
      const crop = { x0: left, y0: top, x1: right, y1: bottom };
      views.push({ crop, scroll: crop.x1 - crop.x0 > maxW * 1.5 });
      left = right;
    });
    top = bottom;
  });

  // The strip below the last row: lines of items, each cut at its gaps into pieces at most maxW wide.
  const strip = leaves.filter((l) => centre(l.box)[1] >= top);
  for (const line of cluster(strip, (l) => l.box.y0, (l) => l.box.y1)) {
    const y0 = Math.max(top, Math.min(...line.map((l) => l.box.y0)) - 5);
    const y1 = Math.min(H, Math.max(...line.map((l) => l.box.y1)) + 5);
    let piece: Rect | null = null;
    for (const group of cluster(line, (l) => l.box.x0, (l) => l.box.x1, 14)) {
      const g = { x0: Math.min(...group.map((l) => l.box.x0)), x1: Math.max(...group.map((l) => l.box.x1)) };
      if (piece && g.x1 - piece.x0 + 10 <= maxW) { piece.x1 = g.x1; continue; }
      if (piece) views.push({ crop: { x0: piece.x0 - 5, y0, x1: piece.x1 + 5, y1 }, scroll: false });
      piece = { x0: g.x0, x1: g.x1, y0, y1 };
    }
    if (piece) views.push({ crop: { x0: piece.x0 - 5, y0, x1: piece.x1 + 5, y1 }, scroll: false });
  }
  return views;
}

function render(box: HTMLElement, svg: SVGSVGElement, width: number, onPointer?: OnPointer): void {
  const screen = svg.getScreenCTM();
  if (!screen) return;
  const toRoot = new DOMMatrix([screen.a, screen.b, screen.c, screen.d, screen.e, screen.f]).inverse();
  // Leaves in document order; a clone lists the same leaves in the same order.
  const leafSelector = 'text, path, line, circle, rect, polyline, polygon, ellipse';
  const leaves = [...svg.querySelectorAll<SVGGraphicsElement>(leafSelector)]
    .filter((el) => !el.closest('title, desc, defs, clipPath, mask'))
    .map((el) => ({ el, box: boxOf(el, toRoot) }));
  const placed = leaves.filter((l): l is { el: SVGGraphicsElement; box: Rect } => l.box !== null);
  const maxW = (width / MIN_TEXT_PX) * SMALLEST_TEXT_UNITS;
  const views = plan(svg, placed, maxW);

  // Which view shows each text: the one holding its centre (the last view wins where crops touch).
  const texts = leaves.map((l, k) => ({ ...l, k })).filter((l) => l.el.tagName.toLowerCase() === 'text');
  const owner = new Map<number, number>();
  for (const t of texts) {
    if (!t.box) continue;
    const c = centre(t.box);
    const v = views.findIndex((view) => inside(c, view.crop));
    owner.set(t.k, v >= 0 ? v : nearestView(views, c));
  }

  const fragment = document.createDocumentFragment();
  views.forEach((view, v) => {
    const { crop } = view;
    const cw = crop.x1 - crop.x0;
    const ch = crop.y1 - crop.y0;
    const scale = view.scroll ? SCROLL_SCALE : width / cw;
    const clone = svg.cloneNode(true) as SVGSVGElement;
    clone.querySelectorAll('title, desc').forEach((n) => n.remove());
    clone.removeAttribute('class');
    clone.removeAttribute('role');
    clone.removeAttribute('aria-labelledby');
    clone.removeAttribute('aria-describedby');
    clone.setAttribute('class', 'figure-narrow-view');
    clone.setAttribute('viewBox', `${crop.x0} ${crop.y0} ${cw} ${ch}`);
    clone.setAttribute('focusable', 'false');
    clone.setAttribute('aria-hidden', 'true');
    if (view.scroll) { clone.style.width = `${Math.round(cw * scale)}px`; clone.style.maxWidth = 'none'; }
    const cloneLeaves = [...clone.querySelectorAll<SVGGraphicsElement>(leafSelector)].filter((el) => !el.closest('title, desc, defs, clipPath, mask'));
    const above: HTMLElement[] = [];
    const below: HTMLElement[] = [];
    for (const t of texts) {
      const el = cloneLeaves[t.k];
      if (!el) continue;
      if (owner.get(t.k) !== v || !t.box) { el.remove(); continue; }
      const size = parseFloat(getComputedStyle(t.el).fontSize) || SMALLEST_TEXT_UNITS;
      const wanted = Math.max(size, MIN_TEXT_PX / scale);
      const k = wanted / size;
      const b = t.box;
      const rotated = b.y1 - b.y0 > 1.5 * (b.x1 - b.x0) && (t.el.textContent ?? '').length > 1;
      let x0 = b.x0;
      let x1 = b.x1;
      if (!rotated && k > 1) {
        const anchor = getComputedStyle(t.el).textAnchor;
        const w = (b.x1 - b.x0) * k;
        if (anchor === 'middle') { const m = (b.x0 + b.x1) / 2; x0 = m - w / 2; x1 = m + w / 2; }
        else if (anchor === 'end') x0 = b.x1 - w;
        else x1 = b.x0 + w;
      }
      if (!rotated && (x0 < crop.x0 - 2 || x1 > crop.x1 + 2)) {
        // Would stick out of its view: an HTML line instead (once, not for a halo's white copy).
        el.remove();
        if (t.el.getAttribute('aria-hidden') !== 'true' && getComputedStyle(t.el).fill !== 'none') {
          const line = document.createElement('p');
          line.className = 'figure-narrow-text';
          line.textContent = t.el.textContent;
          line.style.color = getComputedStyle(t.el).fill;
          const weight = Number(getComputedStyle(t.el).fontWeight);
          if (weight >= 600) line.style.fontWeight = '600';
          ((b.y0 + b.y1) / 2 < crop.y0 + ch / 2 ? above : below).push(line);
        }
        continue;
      }
      if (k > 1) {
        el.setAttribute('font-size', String(Math.round(wanted * 100) / 100));
        const stroke = el.getAttribute('stroke-width');
        if (stroke) el.setAttribute('stroke-width', String(Number(stroke) * k));
      }
    }
    if (onPointer) clone.addEventListener('click', onPointer);
    fragment.append(...above);
    if (view.scroll) {
      const scroller = document.createElement('div');
      scroller.className = 'figure-narrow-scroll';
      scroller.tabIndex = 0;
      scroller.setAttribute('role', 'region');
      scroller.setAttribute('aria-label', 'Figure panel (scrolls sideways)');
      scroller.append(clone);
      fragment.append(scroller);
    } else fragment.append(clone);
    fragment.append(...below);
  });
  // Keep the sideways position of scrolling panels across redraws (animation frames, slider moves).
  const scrolls = [...box.querySelectorAll<HTMLElement>('.figure-narrow-scroll')].map((e) => e.scrollLeft);
  box.replaceChildren(fragment);
  box.querySelectorAll<HTMLElement>('.figure-narrow-scroll').forEach((e, k) => { e.scrollLeft = scrolls[k] ?? 0; });
}

function nearestView(views: View[], c: [number, number]): number {
  let best = 0;
  let dist = Infinity;
  views.forEach((v, k) => {
    const dx = Math.max(v.crop.x0 - c[0], 0, c[0] - v.crop.x1);
    const dy = Math.max(v.crop.y0 - c[1], 0, c[1] - v.crop.y1);
    if (dx + dy < dist) { dist = dx + dy; best = k; }
  });
  return best;
}

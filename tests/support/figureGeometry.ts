import { parseHTML } from 'linkedom';

/**
 * Static checks of a rendered figure SVG (from renderStatic or a figure's draw in linkedom), the Node-side twin
 * of the browser figure sweep: attribute values that are not finite, and marks outside their panel's plot
 * area (`data-plot-area="x0 y0 x1 y1"`, set by drawAxes). Paths are read from their absolute M/L/H/V/Z
 * commands, which is what the shared clip helpers and d3-shape's line() produce.
 */
export function parseSvg(svg: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  return document.querySelector('svg') as unknown as Element;
}

/** Every attribute (and text node) holding NaN or ±Infinity, as "tag attr=value". */
export function nonFiniteValues(svg: string): string[] {
  const root = parseSvg(svg);
  const out: string[] = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const a of [...el.attributes]) if (/NaN|Infinity/.test(a.value)) out.push(`<${el.tagName.toLowerCase()}> ${a.name}="${a.value.slice(0, 80)}"`);
    if (el.children.length === 0 && /NaN|Infinity/.test(el.textContent ?? '')) out.push(`<${el.tagName.toLowerCase()}> text "${el.textContent}"`);
  }
  return out;
}

function pathPoints(d: string): [number, number][] {
  const out: [number, number][] = [];
  const tokens = d.match(/[MLHVZmlhvzCSQTAcsqta]|-?\d*\.?\d+(?:e[-+]?\d+)?/g) ?? [];
  let cmd = 'M';
  let x = 0;
  let y = 0;
  for (let k = 0; k < tokens.length;) {
    const t = tokens[k];
    if (/[A-Za-z]/.test(t)) { cmd = t; k++; continue; }
    if (cmd === 'H') { x = Number(t); k++; }
    else if (cmd === 'V') { y = Number(t); k++; }
    else if (cmd === 'M' || cmd === 'L' || cmd === 'T') { x = Number(t); y = Number(tokens[k + 1]); k += 2; }
    else if (cmd === 'C') { for (let j = 0; j < 3; j++) { x = Number(tokens[k]); y = Number(tokens[k + 1]); out.push([x, y]); k += 2; } continue; }
    else if (cmd === 'S' || cmd === 'Q') { for (let j = 0; j < 2; j++) { x = Number(tokens[k]); y = Number(tokens[k + 1]); out.push([x, y]); k += 2; } continue; }
    else throw new Error(`path command ${cmd} is not supported by this check: ${d.slice(0, 60)}`);
    out.push([x, y]);
  }
  return out;
}

/**
 * Marks (path, line, circle, ellipse, rect, polyline, polygon) of a tagged panel lying outside its plot area.
 * Axes (`.axes`) and keys (`.key`, `.legend`: swatches that explain the marks) are exempt; so are elements with
 * their own transform, which this static reader does not resolve (the browser sweep does).
 */
export function marksOutsidePlotArea(svg: string, tolerance = 1): string[] {
  const root = parseSvg(svg);
  const out: string[] = [];
  const panels = [...root.querySelectorAll('[data-plot-area]')];
  for (const panel of panels) {
    const [x0, y0, x1, y1] = panel.getAttribute('data-plot-area')!.split(' ').map(Number);
    const inside = ([x, y]: [number, number]) => x >= x0 - tolerance && x <= x1 + tolerance && y >= y0 - tolerance && y <= y1 + tolerance;
    for (const el of panel.querySelectorAll('path, line, circle, ellipse, rect, polyline, polygon')) {
      if (el.closest('.axes, .key, .legend') || el.hasAttribute('transform')) continue;
      const tag = el.tagName.toLowerCase();
      const n = (a: string) => Number(el.getAttribute(a) ?? 0);
      let pts: [number, number][] = [];
      if (tag === 'path') pts = pathPoints(el.getAttribute('d') ?? '');
      else if (tag === 'line') pts = [[n('x1'), n('y1')], [n('x2'), n('y2')]];
      else if (tag === 'circle' || tag === 'ellipse') pts = [[n('cx'), n('cy')]];
      else if (tag === 'rect') pts = [[n('x'), n('y')], [n('x') + n('width'), n('y') + n('height')]];
      else pts = (el.getAttribute('points') ?? '').trim().split(/[\s,]+/).map(Number).reduce<[number, number][]>((acc, v, k, all) => (k % 2 ? acc : [...acc, [v, all[k + 1]]]), []);
      const bad = pts.find((p) => !inside(p));
      if (bad) out.push(`<${tag}> at (${bad[0]}, ${bad[1]}) outside [${x0}, ${x1}]×[${y0}, ${y1}]`);
    }
  }
  return out;
}

/** The text of every <text> element, in document order. */
export function svgTexts(svg: string): string[] {
  return [...parseSvg(svg).querySelectorAll('text')].map((t) => t.textContent ?? '');
}

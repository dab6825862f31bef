import { parseHTML } from 'linkedom';
import type { FigureSpec } from './FigureSpec.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Renders a figure's final state to an SVG string at build time with the same `draw` the browser uses.
 * The SVG carries its own <title> and <desc> (no ids: reveal's print view clones slides).
 */
export function renderStatic(spec: FigureSpec, params: Record<string, number>): { svg: string; description: string } {
  const data = spec.compute(params);
  const description = spec.describe(data);
  const { document } = parseHTML(
    `<!doctype html><html><body><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${spec.width} ${spec.height}" role="img" class="figure-svg"><title>${escape(spec.title)}</title><desc>${escape(description)}</desc></svg></body></html>`,
  );
  const svg = document.querySelector('svg') as unknown as SVGSVGElement;
  spec.draw(svg, data, 1);
  return { svg: (svg as unknown as { outerHTML: string }).outerHTML, description };
}

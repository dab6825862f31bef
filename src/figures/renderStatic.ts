import { parseHTML } from 'linkedom';
import { cachedRun } from '../engine/precompute/cachedRun.ts';
import type { EngineHost, FigureSpec } from './FigureSpec.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** At build time simulations run in Node and are cached by scenario hash, so rebuilds do not recompute. */
export const buildHost: EngineHost = { run: async (scenario) => cachedRun(scenario) };

/**
 * Renders a figure's final state to an SVG string at build time with the same `draw` the browser uses.
 * The SVG carries its own <title> and <desc> (no ids: reveal's print view clones slides).
 */
export async function renderStatic(spec: FigureSpec, params: Record<string, number>, host: EngineHost = buildHost): Promise<{ svg: string; description: string }> {
  const data = await spec.compute(params, host);
  const description = spec.describe(data);
  const { document } = parseHTML(
    `<!doctype html><html><body><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${spec.width} ${spec.height}" role="img" class="figure-svg"><title>${escape(spec.title)}</title><desc>${escape(description)}</desc></svg></body></html>`,
  );
  const svg = document.querySelector('svg') as unknown as SVGSVGElement;
  spec.draw(svg, data, 1);
  return { svg: (svg as unknown as { outerHTML: string }).outerHTML, description };
}

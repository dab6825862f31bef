import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { cachedRun } from '../engine/precompute/cachedRun.ts';
import type { PrecomputedFile } from '../engine/precompute/precomputed.ts';
import type { Trajectory } from '../engine/index.ts';
import type { EngineHost, FigureSpec } from './FigureSpec.ts';
import type { PrecomputedName } from './precomputedRuns.ts';
import { simplifyPaths } from './simplifyPaths.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const precomputedFiles = new Map<PrecomputedName, Promise<Trajectory>>();

/** A committed long run, read once per process from `data/precomputed/<name>.json` under the working directory. */
export function readPrecomputed(name: PrecomputedName): Promise<Trajectory> {
  let file = precomputedFiles.get(name);
  if (!file) {
    file = readFile(join(process.cwd(), 'data', 'precomputed', `${name}.json`), 'utf8').then((text) => {
      const parsed = JSON.parse(text) as PrecomputedFile;
      if (parsed.name !== name) throw new Error(`data/precomputed/${name}.json holds the run "${parsed.name}"; re-run npm run precompute -- ${name}.`);
      return parsed.trajectory;
    });
    precomputedFiles.set(name, file);
  }
  return file;
}

/** At build time simulations run in Node and are cached by scenario hash, so rebuilds do not recompute. */
export const buildHost: EngineHost = { run: async (scenario) => cachedRun(scenario), precomputed: readPrecomputed };

/**
 * Renders a figure's final state to an SVG string at build time with the same `draw` the browser uses.
 * The SVG carries its own <title> and <desc> (no ids: reveal's print view clones slides). Its long trajectories
 * are simplified to a quarter of a user unit (a quarter pixel on a slide), which no reader sees and which
 * shrinks a deck's HTML by a third; the live drawing in the browser keeps every point.
 */
export async function renderStatic(spec: FigureSpec, params: Record<string, number>, host: EngineHost = buildHost): Promise<{ svg: string; description: string }> {
  // Committed runs are always readable in Node, whatever host a caller passes.
  const data = await spec.compute(params, { precomputed: readPrecomputed, ...host });
  const description = spec.describe(data);
  const { document } = parseHTML(
    `<!doctype html><html><body><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${spec.width} ${spec.height}" role="img" class="figure-svg"><title>${escape(spec.title)}</title><desc>${escape(description)}</desc></svg></body></html>`,
  );
  const svg = document.querySelector('svg') as unknown as SVGSVGElement;
  spec.draw(svg, data, 1);
  simplifyPaths(svg as unknown as Element);
  return { svg: (svg as unknown as { outerHTML: string }).outerHTML, description };
}

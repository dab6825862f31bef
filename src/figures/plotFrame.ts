import { select, type Selection } from 'd3-selection';
import { ink } from './palette.ts';

export type PlotRoot = Selection<SVGGElement, unknown, null, undefined>;

/** A plot panel: its horizontal extent in viewBox units and the title centred above it. */
export interface Panel { x0: number; x1: number; title: string }

/**
 * Replaces the figure's drawing with an empty `g.plot`. `draw` runs on every animation frame and after every
 * slider change, so it must start from scratch; the SVG's own <title>/<desc> stay outside `g.plot`.
 */
export function plotRoot(svgNode: SVGSVGElement): PlotRoot {
  const svg = select(svgNode);
  svg.selectAll('g.plot').remove();
  return svg.append('g').attr('class', 'plot');
}

/** Bold titles centred above each panel, on one baseline. */
export function drawPanelTitles(root: PlotRoot, panels: readonly Panel[], fontSize = 19): void {
  for (const p of panels) {
    root.append('text').attr('x', (p.x0 + p.x1) / 2).attr('y', 28).attr('text-anchor', 'middle').attr('font-size', fontSize).attr('font-weight', 600).attr('fill', ink).text(p.title);
  }
}

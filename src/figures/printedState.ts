import type { FigureSpec } from './FigureSpec.ts';

/**
 * What a printed figure's caption adds: the slider values the drawing shows ("Shown with imbalance λ: 2.00; depth L: 3."),
 * since paper has no sliders to read them from. Shared by the build-time caption and the island, which rewrites
 * it when the reader moves a slider before printing.
 */
export function printedState(spec: Pick<FigureSpec, 'controls'>, params: Record<string, number>): string {
  const shown = spec.controls.map((c) => `${c.label}: ${c.format ? c.format(params[c.name]) : params[c.name]}`);
  return shown.length > 0 ? `Shown with ${shown.join('; ')}.` : '';
}

/** A live link as printed: without its scheme, which paper readers type no faster for seeing. */
export const printedLink = (href: string): string => href.replace(/^https?:\/\//, '');

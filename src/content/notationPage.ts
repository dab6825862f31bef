/**
 * Build-time data of the /notation/ page: every symbol of `notation.ts` and every macro of `katexMacros.ts`,
 * rendered with the same KaTeX options as the content pipeline (shared macros, strict), so the page shows exactly
 * what slides, readings and exercises render. Rendering throws on bad LaTeX, so a broken entry fails the build.
 */
import katex from 'katex';
import { katexMacros } from './katexMacros.ts';
import { notation, type NotationEntry } from './notation.ts';

/** KaTeX HTML + MathML for inline math, with the course macros; throws a KaTeX ParseError on bad input. */
export function renderTex(tex: string): string {
  // A fresh copy each time: KaTeX may add \gdef definitions to the object it is given.
  return katex.renderToString(tex, { macros: { ...katexMacros }, throwOnError: true, strict: 'error', output: 'htmlAndMathml' });
}

export interface NotationRow extends NotationEntry {
  html: string;
}

export interface NotationSection {
  title: string;
  /** Anchor id of the group's heading. */
  id: string;
  rows: NotationRow[];
}

export interface MacroRow {
  /** The macro as typed, e.g. `\Loss`. */
  name: string;
  /** Its expansion, e.g. `\mathcal{L}`. */
  expansion: string;
  html: string;
}

const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The symbol table grouped as in `notation.ts`, each symbol rendered. */
export function notationSections(): NotationSection[] {
  return notation.map((group) => ({
    title: group.title,
    id: slug(group.title),
    rows: group.entries.map((entry) => ({ ...entry, html: renderTex(entry.tex) })),
  }));
}

/** Every shared macro with its rendering. */
export function macroRows(): MacroRow[] {
  return Object.entries(katexMacros).map(([name, expansion]) => ({ name, expansion, html: renderTex(name) }));
}

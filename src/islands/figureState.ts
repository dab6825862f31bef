/**
 * A figure's slider values in the page URL, so that a reloaded, shared or bookmarked page opens the figure as
 * it was left: `?fig.saxe-modes=depth:3,sigma0:0.001`. One query parameter per figure that differs from how the
 * page drew it; the key is the figure's name, followed by its position when the same figure appears more than
 * once on a page (`fig.lazy-rich.2`). Pure functions of strings: the island (dynFigure.ts) calls
 * history.replaceState with what they return, so moving a slider never adds a history entry.
 */

const PREFIX = 'fig.';

/** The URL key of the `index`-th (0-based) figure named `name` on a page. */
export const figureKey = (name: string, index: number): string => (index > 0 ? `${name}.${index + 1}` : name);

/** `depth:3,sigma0:0.001`: names and values in the order given. */
export function encodeFigureState(params: Record<string, number>): string {
  return Object.entries(params).map(([k, v]) => `${k}:${v}`).join(',');
}

/** The parameters in an encoded state; null when any entry is malformed (the state is then ignored whole). */
export function decodeFigureState(value: string): Record<string, number> | null {
  const out: Record<string, number> = {};
  for (const entry of value.split(',')) {
    const m = /^([A-Za-z_][\w]*):(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)$/i.exec(entry);
    if (!m) return null;
    out[m[1]] = Number(m[2]);
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** The state stored for figure `key` in a query string (`location.search`), or null. */
export function readFigureState(search: string, key: string): Record<string, number> | null {
  const value = new URLSearchParams(search).get(PREFIX + key);
  return value === null ? null : decodeFigureState(value);
}

/**
 * `href` (a full URL) as a same-document path with figure `key`'s state written, or removed when `params` is
 * null. Path, fragment (a deck's `#/slide-id`) and every other query parameter are kept as they were written
 * (reveal reads `?print-pdf` and `?receiver` as bare words); `:` and `,` stay unescaped so the URL reads well.
 */
export function writeFigureState(href: string, key: string, params: Record<string, number> | null): string {
  const url = new URL(href);
  const name = encodeURIComponent(PREFIX + key);
  const entries = url.search.replace(/^\?/, '').split('&').filter((e) => e !== '' && e.split('=')[0] !== name);
  if (params && Object.keys(params).length > 0) entries.push(`${name}=${encodeFigureState(params)}`);
  return `${url.pathname}${entries.length > 0 ? `?${entries.join('&')}` : ''}${url.hash}`;
}

/** The entries of `params` that differ from `initial`: what the URL needs to reproduce the figure. */
export function changedParams(params: Record<string, number>, initial: Record<string, number>): Record<string, number> | null {
  const changed = Object.fromEntries(Object.entries(params).filter(([k, v]) => initial[k] !== v));
  return Object.keys(changed).length > 0 ? changed : null;
}

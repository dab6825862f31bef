import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import katex from 'katex';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import { VFile } from 'vfile';
import { rehypeScrollableTables } from '../../src/authoring/rehypeScrollableTables.ts';

const slidesDir = join('/content', 'slides');

/** Runs the pass on a page body (HTML as rehype-katex leaves it) from the given source file. */
function run(body: string, path: string): string {
  const tree = fromHtmlIsomorphic(body, { fragment: true }) as Root;
  rehypeScrollableTables({ slidesDir })(tree, new VFile({ path }));
  return toHtml(tree);
}

const math = katex.renderToString('\\lambda = 0', { strict: 'error' });
const table = `<p>Before.</p><table><thead><tr><th>property</th><th>rich (${math})</th><th>lazy</th></tr></thead><tbody><tr><td>kernel</td><td>grows</td><td>frozen</td></tr></tbody></table>`;

describe('rehypeScrollableTables', () => {
  it('puts a table of a reading or exercise in a focusable region named after its header row, math read once as text', () => {
    const out = run(table, '/content/exercises/set.mdx');
    expect(out).toContain('<p>Before.</p><div class="table-scroll" tabindex="0" role="region" aria-label="Table: property, rich (λ=0), lazy"><table>');
    expect(out.match(/table-scroll/g)).toHaveLength(1);
    expect(out.endsWith('</table></div>')).toBe(true);
  });

  it('wraps a table once, even if the pass runs again', () => {
    const tree = fromHtmlIsomorphic(table, { fragment: true }) as Root;
    const file = new VFile({ path: '/content/readings/r.mdx' });
    rehypeScrollableTables({ slidesDir })(tree, file);
    rehypeScrollableTables({ slidesDir })(tree, file);
    expect(toHtml(tree).match(/table-scroll/g)).toHaveLength(1);
  });

  it('leaves deck slides alone', () => {
    expect(run(table, join(slidesDir, 'deck', '01-intro.mdx'))).not.toContain('table-scroll');
    expect(run(table, join(slidesDir, 'deck.mdx'))).not.toContain('table-scroll');
  });

  it('falls back to "Table" without a header row, and shortens a long header', () => {
    expect(run('<table><tbody><tr><td>1</td></tr></tbody></table>', '/content/readings/r.mdx')).toContain('aria-label="Table"');
    const long = `<table><thead><tr><th>${'a long column heading '.repeat(3)}</th><th>${'another long heading '.repeat(3)}</th></tr></thead></table>`;
    const label = /aria-label="([^"]*)"/.exec(run(long, '/content/readings/r.mdx'))![1];
    expect(label.length).toBeLessThanOrEqual('Table: '.length + 80);
    expect(label.endsWith('…')).toBe(true);
  });
});

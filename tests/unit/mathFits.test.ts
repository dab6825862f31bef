import { describe, expect, it } from 'vitest';
import katex from 'katex';
import type { Element, Root } from 'hast';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { rehypeFocusableMath, SHORT_INLINE } from '../../src/build/rehypeFocusableMath.ts';

function selectAll(tree: Root, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (e) => { if (test(e)) out.push(e); });
  return out;
}

function run(html: string): Root {
  const tree = fromHtmlIsomorphic(html, { fragment: true }) as Root;
  rehypeFocusableMath()(tree);
  return tree;
}

/** The text of each line-break unit (`.base`) of the first formula, KaTeX's HTML half only. */
function units(tex: string, displayMode: boolean): string[] {
  const tree = run(katex.renderToString(tex, { displayMode, output: 'htmlAndMathml' }));
  const html = selectAll(tree, (e) => (e.properties.className as string[] | undefined)?.includes('katex-html') ?? false)[0];
  return html.children.filter((c): c is Element => c.type === 'element' && (c.properties.className as string[]).includes('base'))
    .map((b) => toHtml(b).replace(/<[^>]+>/g, '').replace(/\u200b/g, ''));
}

describe('math that fits its column', () => {
  it('keeps a short inline formula in one unbreakable unit (no break after "1 −" or "N* =")', () => {
    expect(units('1 - u^2', false)).toHaveLength(1);
    expect(units('N^* = 2^{14}', false)).toHaveLength(1);
  });

  it('lets a long inline formula break after its relations only, and after binary operators only inside a long stretch', () => {
    const tex = 'W_L W_{L-1} \\cdots W_1 = U \\diag(s_1, \\dots, s_d) V^\\top = \\sum_i s_i u_i v_i^\\top';
    const parts = units(tex.replace('\\diag', '\\mathrm{diag}'), false);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts.slice(0, -1)) expect(p.trim().endsWith('=')).toBe(true);
    const long = units('(a_1 + a_2 + a_3 + a_4 + a_5 + a_6 + a_7 + a_8 + a_9 + a_{10} + a_{11})', false);
    expect(long.length).toBeGreaterThan(1);
    expect(long.join('').replace(/\s/g, '').length).toBeGreaterThan(SHORT_INLINE);
  });

  it('lets display math break after relations and between statements joined by ,\\qquad, never after a minus', () => {
    const parts = units('L = \\tfrac12 (s - w_1 w_2)^2, \\qquad \\lambda = w_2^2 - w_1^2', true);
    expect(parts.map((p) => p.trim().slice(-1))).toEqual(['=', ',', '=', '2']);
  });

  it('makes display math focusable and wraps tables in a focusable sideways-scrolling box', () => {
    const tree = run(`${katex.renderToString('a = b', { displayMode: true })}<table><tr><td>1</td></tr></table>`);
    const html = toHtml(tree);
    expect(html).toMatch(/class="katex-display" tabindex="0"/);
    expect(html).toMatch(/<div class="table-scroll" tabindex="0" role="region" aria-label="[^"]+"><table>/);
  });
});

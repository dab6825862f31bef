import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import { rehypeBreakableMath } from '../../src/authoring/rehypeBreakableMath.ts';
import { rehypeNoBreakShortMath } from '../../src/authoring/rehypeNoBreakShortMath.ts';

/** KaTeX's HTML for a formula, as rehype-katex puts it into the page. */
function rendered(tex: string, displayMode: boolean): Root {
  const tree = fromHtmlIsomorphic(katex.renderToString(tex, { displayMode, strict: 'error' }), { fragment: true }) as Root;
  return tree;
}

/** Elements with a class, in document order (a one-class selector is all these tests need). */
function selectAll(selector: string, tree: Root | Element): Element[] {
  const cls = selector.replace(/^\./, '');
  const out: Element[] = [];
  visit(tree, 'element', (n) => { if ((n.properties?.className as string[] | undefined)?.includes(cls)) out.push(n); });
  return out;
}

function text(node: Element): string {
  return toHtml(node).replace(/<[^>]+>/g, '').replace(/[\u200b\s]+/g, '');
}

/** The visible text of each part (statement) and segment (breakable run) after the pass. */
function layout(tex: string): { parts: string[]; segments: string[]; wrap: boolean; tree: Root } {
  const tree = rendered(tex, true);
  rehypeBreakableMath()(tree);
  const html = selectAll('.katex-html', tree)[0];
  return {
    parts: selectAll('.math-part', tree).map(text),
    segments: selectAll('.math-seg', tree).map(text),
    wrap: (html.properties.className as string[]).includes('math-wrap'),
    tree,
  };
}

describe('rehypeBreakableMath', () => {
  it('lets a chain of relations break only after each relation sign', () => {
    const l = layout('\\frac{d}{dt}(b^2 - a^2) = \\frac{2}{\\tau}(ba(s - ab) - ab(s - ab)) = 0 .');
    expect(l.wrap).toBe(true);
    expect(l.parts).toEqual([]);
    // The minus signs inside and outside parentheses are binary operators: no break there.
    // (KaTeX writes a fraction's denominator first, hence "dtd".)
    expect(l.segments).toEqual(['dtd(b2−a2)=', 'τ2(ba(s−ab)−ab(s−ab))=', '0.']);
  });

  it('keeps statements separated by \\qquad together, each breaking at its own relations', () => {
    const l = layout('\\tau\\,\\dot a = b\\,(s - ab), \\qquad \\tau\\,\\dot b = a\\,(s - ab).');
    expect(l.parts).toEqual(['τa˙=b(s−ab),', 'τb˙=a(s−ab).']);
    expect(l.segments).toEqual(['τa˙=', 'b(s−ab),', 'τb˙=', 'a(s−ab).']);
  });

  it('turns the wide space between statements into the gap of the row, kept aside in a .math-gap', () => {
    const { tree } = layout('a = 1, \\qquad b = 2');
    const html = selectAll('.katex-html', tree)[0];
    // \qquad (2em) plus the thin space TeX puts after a comma.
    expect(html.properties.style).toBe('--math-gap:2.1667em');
    const kids = html.children.map((c) => ((c as Element).properties.className as string[])[0]);
    expect(kids).toEqual(['math-part', 'math-gap', 'math-part']);
    const inParts = selectAll('.math-part', tree).flatMap((p) => selectAll('.mspace', p)).map((n) => String(n.properties.style));
    expect(inParts.some((st) => /margin-right:2em/.test(st))).toBe(false);
  });

  it('without the CSS reads exactly as KaTeX wrote it: same atoms, same spaces, same order', () => {
    /** The atoms of a .katex-html in reading order: every child of every box (struts aside) and of every gap. */
    const atoms = (tree: Root) => {
      const out: string[] = [];
      visit(selectAll('.katex-html', tree)[0], 'element', (n) => {
        const cls = (n.properties?.className as string[] | undefined) ?? [];
        if (cls.includes('base') || cls.includes('math-gap')) {
          for (const c of n.children) if (!(c.type === 'element' && (c.properties.className as string[]).includes('strut'))) out.push(toHtml(c));
          return 'skip';
        }
      });
      return out;
    };
    for (const tex of [
      '\\dot u = 2u\\,(s - u), \\qquad u(t) = \\frac{s}{1 + e^{-2st}}, \\qquad t_{1/2} = \\frac{1}{2s}\\ln\\Big(\\frac{s}{u_0} - 1\\Big).',
      '\\int_{u_0}^{u} \\frac{d\\vartheta}{\\vartheta (s - \\vartheta)} = 2t \\quad\\Longrightarrow\\quad \\frac{u}{s - u} = e^{2st} .',
    ]) {
      expect(atoms(layout(tex).tree)).toEqual(atoms(rendered(tex, true)));
    }
  });

  it('sets "⟹" padded by \\quad at the start of the next statement, with nothing stranded after it', () => {
    const l = layout('x = y \\quad\\Longrightarrow\\quad z = 1');
    expect(l.parts).toEqual(['x=y', '⟹z=1']);
    expect(l.segments).toEqual(['x=', 'y', '⟹', 'z=', '1']);
  });

  it('gives every piece of a cut box a copy of its strut, so the line keeps its height', () => {
    const { tree } = layout('x = \\frac{1}{2}, \\qquad y = 3');
    const bases = selectAll('.base', tree);
    expect(bases.length).toBeGreaterThan(3);
    for (const b of bases) expect((b.children[0] as Element).properties.className).toEqual(['strut']);
  });

  it('lets a run without relation break after its binary operators', () => {
    const l = layout('a + b - c');
    expect(l.wrap).toBe(true);
    expect(l.segments).toEqual(['a+b−c']);
    expect(selectAll('.math-chunk', l.tree).map(text)).toEqual(['a+', 'b−', 'c']);
  });

  it('never breaks between an opening delimiter and its closing one', () => {
    const chunks = (tex: string) => selectAll('.math-chunk', layout(tex).tree).map(text);
    expect(chunks('(a + b) + c = d')).toEqual(['(a+b)+', 'c=', 'd']);
    expect(layout('\\Pr(x = y) = 1').segments).toEqual(['Pr(x=y)=', '1']);
    expect(chunks('E = (\\mathbf a_i \\cdot \\mathbf b_i)^2 + x')).toEqual(['E=', '(ai⋅bi)2+', 'x']);
    // Bars pair up, also with a subscript on the closing one; sized delimiters count like plain ones.
    expect(chunks('\\| M - W \\|_F + x = |y - z|')).toEqual(['∥M−W∥F+', 'x=', '∣y−z∣']);
    expect(chunks('\\big( a + b \\big)^2 + c')).toEqual(['(a+b)2+', 'c']);
    // Tall bars are SVGs without text: they pair up by parity too.
    expect(chunks('\\Big\\| a + b \\Big\\| + c')).toEqual(['a+b+', 'c']);
    expect(chunks('\\langle u, v - w \\rangle + 1')).toEqual(['⟨u,v−w⟩+', '1']);
  });

  it("honours an author's \\allowbreak as a break point of the same rank as a relation", () => {
    expect(layout('(a b) \\cdots \\allowbreak (c d) = e').segments).toEqual(['(ab)⋯', '(cd)=', 'e']);
  });

  it('does not cut at a wide space inside parentheses', () => {
    expect(layout('(a, \\qquad b) = c').parts).toEqual([]);
    expect(layout('(a, \\qquad b) = c').segments).toEqual(['(a,b)=', 'c']);
  });

  it('leaves an environment, a fraction or \\left…\\right, which KaTeX sets as one box, as KaTeX wrote it', () => {
    for (const tex of ['\\begin{aligned} a &= b \\\\ &= c \\end{aligned}', 'a', '\\left( a = b \\right)', '\\frac{a = b}{c}']) {
      const before = toHtml(rendered(tex, true));
      const { tree, wrap } = layout(tex);
      expect(wrap).toBe(false);
      expect(toHtml(tree)).toBe(before);
    }
  });

  it('does not break inside braces, fractions or \\left…\\right', () => {
    expect(layout('x = {a = b}').segments).toEqual(['x=', 'a=b']);
    expect(layout('y = \\left( a = b \\right) = c').segments).toEqual(['y=', '(a=b)=', 'c']);
  });

  it('never cuts at a space with nothing after it, and leaves the MathML untouched', () => {
    const tex = 'a = b \\qquad';
    const before = selectAll('.katex-mathml', rendered(tex, true)).map((n) => toHtml(n));
    const { tree, parts, segments } = layout(tex);
    expect(parts).toEqual([]);
    expect(segments).toEqual(['a=', 'b']);
    expect(selectAll('.katex-mathml', tree).map((n) => toHtml(n))).toEqual(before);
  });

  it('leaves inline math alone', () => {
    const tree = rendered('a = b = c', false);
    const before = toHtml(tree);
    rehypeBreakableMath()(tree);
    expect(toHtml(tree)).toBe(before);
  });
});

describe('rehypeNoBreakShortMath', () => {
  const classesOf = (tex: string, display = false) => {
    const tree = rendered(tex, display);
    rehypeNoBreakShortMath()(tree);
    return selectAll('.katex', tree)[0].properties.className as string[];
  };

  it('keeps a short inline formula on one line', () => {
    expect(classesOf('1 - \\lambda')).toContain('math-nobreak');
    expect(classesOf('N^* = 10^4')).toContain('math-nobreak');
    expect(classesOf('x'.repeat(25))).toContain('math-nobreak');
  });

  it('lets a long inline formula break, and leaves display math to rehypeBreakableMath', () => {
    expect(classesOf('(W_L g_{L-1}^{-1})(g_{L-1} W_{L-1} g_{L-2}^{-1}) = W')).not.toContain('math-nobreak');
    expect(classesOf('x'.repeat(26))).not.toContain('math-nobreak');
    expect(classesOf('a = b', true)).not.toContain('math-nobreak');
  });

  it('measures the TeX with whitespace collapsed', () => {
    expect(classesOf(`a   =\n   ${'b'.repeat(20)}`)).toContain('math-nobreak');
  });
});

import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toHtml } from 'hast-util-to-html';
import { mathVariantChars } from '../../src/authoring/mathVariantChars.ts';
import { mathmlCoreVariants } from '../../src/authoring/mathmlCoreVariants.ts';
import { katexMacros } from '../../src/content/katexMacros.ts';

const VARIANTS = ['bold', 'italic', 'bold-italic', 'script', 'bold-script', 'fraktur', 'double-struck', 'bold-fraktur', 'sans-serif', 'bold-sans-serif', 'sans-serif-italic', 'sans-serif-bold-italic', 'monospace'];
const LATIN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Speaker-notes MathML for `tex`, as rehypeNotesMath writes it. */
const notesMathml = (tex: string) => {
  const tree = fromHtmlIsomorphic(katex.renderToString(tex, { output: 'mathml', macros: { ...katexMacros }, throwOnError: true }), { fragment: true });
  mathmlCoreVariants(tree);
  return toHtml(tree);
};

describe('mathVariantChars', () => {
  it('writes the notation table\'s letters as the characters that show them', () => {
    expect(mathVariantChars('u', 'bold')).toBe('𝐮');
    expect(mathVariantChars('R', 'double-struck')).toBe('ℝ');
    expect(mathVariantChars('E', 'double-struck')).toBe('𝔼');
    expect(mathVariantChars('L', 'script')).toBe('ℒ');
    expect(mathVariantChars('K', 'script')).toBe('𝒦');
    expect(mathVariantChars('g', 'fraktur')).toBe('𝔤');
    expect(mathVariantChars('θ', 'bold-italic')).toBe('𝜽');
    expect(mathVariantChars('Σ', 'bold')).toBe('𝚺');
    expect(mathVariantChars('ϵ∇∂', 'bold')).toBe('𝛜𝛁𝛛');
    expect(mathVariantChars('h', 'italic')).toBe('ℎ');
    expect(mathVariantChars('W2', 'bold')).toBe('𝐖𝟐');
  });

  it('maps every Latin letter of every variant to a distinct assigned letter, so no slot falls in a hole of the block', () => {
    for (const v of VARIANTS) {
      const out = [...mathVariantChars(LATIN, v)!];
      expect(out.length, v).toBe(LATIN.length);
      expect(out.filter((c) => !/^\p{L}$/u.test(c)), `${v}: unassigned or non-letter code points`).toEqual([]);
      expect(new Set(out).size, v).toBe(LATIN.length);
    }
  });

  it('leaves a character the variant has no form for, and refuses an unknown variant', () => {
    expect(mathVariantChars('α', 'script')).toBe('α');
    expect(mathVariantChars('+', 'bold')).toBe('+');
    expect(mathVariantChars('x', 'normal')).toBeUndefined();
  });
});

describe('mathmlCoreVariants', () => {
  it('turns KaTeX\'s bold, blackboard and calligraphic tokens into characters, dropping the mathvariant MathML Core ignores', () => {
    const html = notesMathml(String.raw`\uvec_1^\top \E[\Loss] \in \R,\ \boldsymbol{\theta},\ \mathbf{W}_2`);
    expect(html).toContain('𝐮');
    expect(html).toContain('𝔼');
    expect(html).toContain('ℒ');
    expect(html).toContain('ℝ');
    expect(html).toContain('𝜽');
    expect(html).toContain('𝐖');
    expect(html).not.toMatch(/mathvariant="(bold|double-struck|script|bold-italic)"/);
  });

  it('keeps mathvariant="normal", which MathML Core renders, and the TeX annotation untouched', () => {
    const html = notesMathml(String.raw`\Tr(\mathbf{A})`);
    expect(html).toContain('<mi mathvariant="normal">Tr</mi>');
    expect(html).toContain(String.raw`\Tr(\mathbf{A})`);
  });

  it('writes bold text as bold CSS rather than as mathematical letters', () => {
    const html = notesMathml(String.raw`\textbf{gap}`);
    expect(html).toMatch(/<mtext style="font-weight:bold">gap<\/mtext>/);
  });
});

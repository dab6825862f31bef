import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import { rehypeDropTexAnnotations } from '../../src/authoring/rehypeDropTexAnnotations.ts';

function run(html: string): string {
  const tree = fromHtmlIsomorphic(html, { fragment: true }) as Root;
  rehypeDropTexAnnotations()(tree);
  return toHtml(tree);
}

describe('rehypeDropTexAnnotations', () => {
  it('drops the TeX source from KaTeX output and keeps the MathML and the visible HTML', () => {
    const html = katex.renderToString(String.raw`\dot w = -\eta \nabla L`, { output: 'htmlAndMathml' });
    const out = run(html);
    expect(html).toContain('annotation encoding="application/x-tex"');
    expect(out).not.toContain('<annotation');
    expect(out).toContain('<math');
    expect(out).toContain('<mi>η</mi>');
    expect(out).toContain('class="katex-html"');
  });

  it('keeps annotations of other encodings', () => {
    const out = run('<math><semantics><mi>x</mi><annotation encoding="text/plain">x</annotation></semantics></math>');
    expect(out).toContain('<annotation encoding="text/plain">x</annotation>');
  });
});

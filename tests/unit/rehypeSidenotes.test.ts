import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import type { Root, ElementContent } from 'hast';
import { rehypeSidenotes } from '../../src/authoring/rehypeSidenotes.ts';

/** A paragraph whose children are `before`, then a <Sidenote> (as MDX leaves it), then `after`. */
function paragraph(before: ElementContent[], after: ElementContent[] = [{ type: 'text', value: ' More.' }]): Root {
  const note = { type: 'mdxJsxTextElement', name: 'Sidenote', attributes: [], children: [{ type: 'text', value: 'The note.' }] };
  return { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [...before, note as unknown as ElementContent, ...after] }] };
}

const run = (tree: Root) => { rehypeSidenotes()(tree); return toHtml(tree.children[0]); };
const math: ElementContent = { type: 'element', tagName: 'span', properties: { className: ['katex'] }, children: [{ type: 'text', value: 'x' }] };

describe('rehypeSidenotes', () => {
  it('keeps the word before a note on one line with its marker, so the marker never starts a line', () => {
    expect(run(paragraph([{ type: 'text', value: 'The set-up of the network.' }]))).toBe(
      '<p>The set-up of the <span class="sidenote-anchor">network.<span class="sidenote-ref"><sup class="sidenote-mark" aria-hidden="true">1</sup>'
      + '<span class="sidenote" role="note"><span class="sidenote-number">1. </span>The note.</span></span></span> More.</p>');
  });

  it('drops the space an author left before a note', () => {
    expect(run(paragraph([{ type: 'text', value: 'a word ' }]))).toMatch(/^<p>a <span class="sidenote-anchor">word<span class="sidenote-ref">/);
  });

  it('keeps a formula just before a note with its marker, and still numbers and visits what follows', () => {
    const tree = paragraph([{ type: 'text', value: 'with ' }, math, { type: 'text', value: ' ' }], [{ type: 'text', value: ' then' }, paragraph([{ type: 'text', value: 'second' }]).children[0] as ElementContent]);
    const out = run(tree);
    expect(out).toMatch(/^<p>with <span class="sidenote-anchor"><span class="katex">x<\/span><span class="sidenote-ref"><sup class="sidenote-mark" aria-hidden="true">1<\/sup>/);
    expect(out).toContain('<span class="sidenote-anchor">second<span class="sidenote-ref"><sup class="sidenote-mark" aria-hidden="true">2</sup>');
    expect(out).toContain(' then');
  });

  it('lists every note again as a numbered endnote for print', () => {
    const tree = paragraph([{ type: 'text', value: 'one' }]);
    rehypeSidenotes()(tree);
    expect(toHtml(tree)).toContain('<section class="print-endnotes"><h2>Notes</h2><ol><li>The note.</li></ol></section>');
  });
});

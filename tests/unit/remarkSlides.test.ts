import { describe, expect, it } from 'vitest';
import type { PluggableList } from 'unified';
import { remarkSlides } from '../../src/authoring/remarkSlides.ts';
import { runRemark, outline } from '../support/mdx.ts';

const slides: PluggableList = [[remarkSlides, { slidesDir: '/content/slides' }]];

describe('remarkSlides', () => {
  it('splits a deck on --- into sections whose ids are the heading slugs', async () => {
    const { tree } = await runRemark('# Title slide\n\nHello\n\n---\n\n## Saddles and minima\n\nText', slides);
    expect(outline(tree)).toEqual(['title-slide', 'saddles-and-minima']);
  });

  it('nests -- sub-slides into a vertical stack', async () => {
    const { tree } = await runRemark('# A\n\n---\n\n## B\n\n--\n\n## C\n\n---\n\n## D', slides);
    expect(outline(tree)).toEqual(['a', ['b', 'c'], 'd']);
  });

  it('moves a Note: paragraph and everything after it into the speaker notes', async () => {
    const { tree } = await runRemark('## A\n\nShown\n\nNote: Say this.\n\nAnd this, $x^2$.', slides);
    expect(outline(tree)).toEqual(['a+notes']);
    const section = tree.children[0] as unknown as { children: { type: string; name?: string; children?: { type: string; children?: { value?: string }[] }[] }[] };
    const aside = section.children.find((c) => c.name === 'aside')!;
    expect(aside.children!.length).toBe(2);
    expect(aside.children![0].children![0].value).toBe('Say this.');
  });

  it('takes an explicit id from <SlideOptions id> and drops the element', async () => {
    const { tree } = await runRemark('<SlideOptions id="custom" />\n\n## Some heading', slides);
    expect(outline(tree)).toEqual(['custom']);
  });

  it('fails on two slides with the same id, naming the first line', async () => {
    await expect(runRemark('## Same\n\n---\n\n## Same', slides)).rejects.toThrow(/Duplicate slide id "same" \(first used on line 1\)/);
  });

  it('fails on a slide without heading or id', async () => {
    await expect(runRemark('Just text', slides)).rejects.toThrow(/has no heading/);
  });

  it('fails on a --- written straight under text, which Markdown reads as a heading', async () => {
    await expect(runRemark('## A\n\nSome text\n---\n\n## B', slides)).rejects.toThrow(/setext heading/);
  });

  it('leaves files outside the slides folder alone', async () => {
    const { tree } = await runRemark('## A\n\n---\n\n## B', slides, '/content/readings/r.mdx');
    expect(tree.children.some((c) => c.type === 'thematicBreak')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toHtml } from 'hast-util-to-html';
import type { Element, Root } from 'hast';
import { rehypeBaseLinks } from '../../src/authoring/rehypeBaseLinks.ts';

/** Runs the pass on HTML as the Markdown part of the pipeline leaves it. */
function run(html: string, base: string): string {
  const tree = fromHtmlIsomorphic(html, { fragment: true }) as Root;
  rehypeBaseLinks({ base })(tree);
  return toHtml(tree);
}

/** An MDX JSX element as it sits in the hast tree (`<a href="…">` or `<SlideLink …>` written in MDX). */
const jsx = (name: string, attributes: Record<string, string>, children: Root['children'] = []) => ({
  type: 'mdxJsxTextElement',
  name,
  attributes: Object.entries(attributes).map(([n, value]) => ({ type: 'mdxJsxAttribute', name: n, value })),
  children,
});
const attrOf = (node: ReturnType<typeof jsx>, name: string) => node.attributes.find((a) => a.name === name)?.value;

describe('rehypeBaseLinks', () => {
  it('writes authored site links, slide deep links and anchors on the home page under the base', () => {
    const out = run('<p><a href="/notation/">notation</a>, <a href="/slides/emergence/#/outline">outline</a>, <a href="/#ir-saddle">objective</a>, <img src="/favicon.svg" alt=""></p>', '/course/');
    expect(out).toBe('<p><a href="/course/notation/">notation</a>, <a href="/course/slides/emergence/#/outline">outline</a>, <a href="/course/#ir-saddle">objective</a>, <img src="/course/favicon.svg" alt=""></p>');
  });

  it('leaves in-page anchors, relative links, external and protocol-relative URLs alone', () => {
    const html = '<p><a href="#bib-saxe2014">1</a> <a href="#/references">refs</a> <a href="figure.svg">rel</a> <a href="https://arxiv.org/abs/1312.6120">arXiv</a> <a href="//cdn.example/x.js">cdn</a> <a href="mailto:a@b.c">mail</a></p>';
    expect(run(html, '/course/')).toBe(html);
  });

  it('rewrites links inside speaker notes and other JSX wrappers, and lowercase JSX <a> written in MDX', () => {
    const a = jsx('a', { href: '/readings/saxe-2014/', class: 'x' });
    const img = jsx('img', { src: '/favicon.svg', alt: '' });
    const notes = fromHtmlIsomorphic('<p>See <a href="/notation/">the notation page</a>.</p>', { fragment: true }).children;
    const aside = { ...jsx('aside', { class: 'notes' }, notes), type: 'mdxJsxFlowElement' };
    const tree = { type: 'root', children: [a, img, aside] } as unknown as Root;
    rehypeBaseLinks({ base: '/~name/td/' })(tree);
    expect(attrOf(a, 'href')).toBe('/~name/td/readings/saxe-2014/');
    expect(attrOf(a, 'class')).toBe('x');
    expect(attrOf(img, 'src')).toBe('/~name/td/favicon.svg');
    expect(((notes[0] as Element).children[1] as Element).properties.href).toBe('/~name/td/notation/');
  });

  it('leaves components alone: they build their own URLs (SlideLink goes through sitePath)', () => {
    const link = jsx('SlideLink', { deck: 'emergence', slide: 'outline', href: '/slides/emergence/' });
    rehypeBaseLinks({ base: '/course/' })({ type: 'root', children: [link] } as unknown as Root);
    expect(attrOf(link, 'href')).toBe('/slides/emergence/');
  });

  it('changes nothing for a site at the domain root', () => {
    const html = '<p><a href="/notation/">n</a> <a href="/slides/emergence/#/outline">o</a></p>';
    expect(run(html, '/')).toBe(html);
  });
});

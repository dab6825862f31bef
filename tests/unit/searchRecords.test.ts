import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { pageForSearch } from '../../src/authoring/searchRecords.ts';

const tex = (s: string, displayMode = false) => katex.renderToString(s, { displayMode, output: 'htmlAndMathml' });

const deck = `<!doctype html><html><head><title>Implicit regularization · Training Dynamics slides</title></head><body>
<main class="reveal" data-search-split="slides" data-search-title="Implicit regularization"><div class="slides">
  <section id="implicit-regularization"><h1>Implicit regularization</h1><p>How gradient descent chooses</p></section>
  <section>
    <section id="one-mode-two-layers-a-strict-saddle"><h2 id="one-mode-two-layers-a-strict-saddle--h0">One mode, two layers: a strict saddle</h2>
      <div class="fragment"><p>The loss is ${tex('\\ell = \\tfrac12(s - w_1 w_2)^2')} near the origin.</p></div>
      <svg><text>0.5</text></svg>
      <aside class="notes"><p>Say this only to the room.</p></aside>
    </section>
    <section id="next"><h2>Next</h2>${tex('\\sum_{i=1}^N x_i^2 \\le \\sqrt{y}', true)}</section>
  </section>
</div></main></body></html>`;

const reading = `<!doctype html><html><head><title>Saxe · Training Dynamics</title></head><body><main id="main">
<article class="reading" data-search-split="sections" data-search-kind="Reading" data-search-title="Exact solutions">
  <header><h1>Exact solutions</h1><p class="byline">Saxe et al.</p></header>
  <div class="prose"><p>Intro text.</p>
    <h2 id="the-question">The question</h2><p>Plateaus and jumps.</p><h3 id="sub">A detail</h3><p>Inside the same section.</p>
    <h2 id="modes">Modes</h2><p>Each mode ${tex('u_i(t)')} is a sigmoid.</p>
    <section class="bibliography"><h2 id="references">References</h2><div class="csl-entry">Saxe (2014).</div></section>
  </div>
</article></main></body></html>`;

describe('search records', () => {
  it('makes every slide its own record, titled by its heading and deep-linked to #/<slide-id>', () => {
    const { records, html } = pageForSearch(deck, '/slides/implicit-regularization/');
    expect(html).toBeNull();
    expect(records.map((r) => [r.url, r.title])).toEqual([
      ['/slides/implicit-regularization/#/implicit-regularization', 'Implicit regularization'],
      ['/slides/implicit-regularization/#/one-mode-two-layers-a-strict-saddle', 'One mode, two layers: a strict saddle'],
      ['/slides/implicit-regularization/#/next', 'Next'],
    ]);
    expect(records[1].context).toBe('Slides · Implicit regularization');
  });

  it('indexes a slide\'s text and each formula once as plain text: no TeX source, no notes, no figure ticks', () => {
    const { records } = pageForSearch(deck, '/slides/implicit-regularization/');
    const saddle = records[1].content;
    expect(saddle).toContain('One mode, two layers: a strict saddle');
    expect(saddle).toContain('The loss is ℓ = 1/2 (s − w_1w_2)^2 near the origin.');
    expect(saddle).not.toMatch(/\\|tfrac|Say this|0\.5/);
    expect(records[2].content).toBe('Next ∑_(i = 1)^N x_i^2 ≤ √y');
  });

  it('splits a reading at its h2 sections, each linked to its anchor, with the intro linked to the page', () => {
    const { records } = pageForSearch(reading, '/readings/saxe-2014/');
    expect(records.map((r) => [r.url, r.title])).toEqual([
      ['/readings/saxe-2014/', 'Exact solutions'],
      ['/readings/saxe-2014/#the-question', 'The question'],
      ['/readings/saxe-2014/#modes', 'Modes'],
      ['/readings/saxe-2014/#references', 'References'],
    ]);
    expect(records[0].content).toBe('Exact solutions Saxe et al. Intro text.');
    expect(records[1].content).toBe('The question Plateaus and jumps. A detail Inside the same section.');
    expect(records[2].content).toBe('Modes Each mode u_i(t) is a sigmoid.');
  });

  it('writes script and double-struck capitals as the Unicode letters they show', () => {
    const page = `<html><body><main data-search-split="sections" data-search-title="T"><p>${tex('\\mathcal{L}(w) \\in \\mathbb{R}, \\mathcal{N}')}</p></main></body></html>`;
    expect(pageForSearch(page, '/x/').records[0].content).toBe('ℒ(w) ∈ ℝ, 𝒩');
  });

  it('hands other searchable pages to Pagefind as HTML with their math flattened, and skips unsearchable ones', () => {
    const page = `<html><body><main data-pagefind-body><p>${tex('\\tfrac12 x')}</p></main></body></html>`;
    const { records, html } = pageForSearch(page, '/exercises/x/');
    expect(records).toEqual([]);
    expect(html).toContain('1/2 x');
    expect(html).not.toMatch(/annotation|katex-html|\\tfrac/);
    expect(pageForSearch('<html><body><main><p>x</p></main></body></html>', '/readings/').html).toBeNull();
  });
});

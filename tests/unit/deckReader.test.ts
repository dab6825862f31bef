import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { slideForHash } from '../../src/islands/deckReader.ts';

const { document } = parseHTML(`<main class="reveal"><div class="slides">
  <section id="title"><h1>T</h1></section>
  <section><section id="outline"><h2>Outline</h2></section><section id="a-strict-saddle"><h2>Saddle</h2></section></section>
</div></main>`);

describe('the phone reader finds the slide a deep link names', () => {
  it('by slide id, as links from readings and search results write them', () => {
    expect(slideForHash('#/a-strict-saddle', document)?.id).toBe('a-strict-saddle');
    expect(slideForHash('#/outline', document)?.id).toBe('outline');
  });
  it('by reveal\'s h/v indices', () => {
    expect(slideForHash('#/0', document)?.id).toBe('title');
    expect(slideForHash('#/1', document)?.id).toBe('outline');
    expect(slideForHash('#/1/1', document)?.id).toBe('a-strict-saddle');
  });
  it('returns nothing for no hash or an unknown slide', () => {
    expect(slideForHash('', document)).toBeNull();
    expect(slideForHash('#/no-such-slide', document)).toBeNull();
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// src/styles/revealTheme.css is reveal's white theme minus its base64 web fonts (see the file's header); this
// keeps it in step with the installed reveal.js so an upgrade cannot silently leave the decks on an old theme.
const require = createRequire(import.meta.url);
const upstream = readFileSync(require.resolve('reveal.js/theme/white.css'), 'utf8');
const ours = readFileSync(new URL('../../src/styles/revealTheme.css', import.meta.url), 'utf8');
const rules = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n/g, '').trim();

describe('the deck theme (src/styles/revealTheme.css)', () => {
  it('is reveal.js’s white theme with exactly its @font-face rules removed', () => {
    expect(upstream.match(/@font-face\{[^}]*\}/g)?.length).toBeGreaterThan(0);
    expect(rules(ours)).toBe(rules(upstream.replace(/@font-face\{[^}]*\}/g, '')));
  });

  it('embeds no font or other data URI and declares no web font', () => {
    expect(rules(ours)).not.toMatch(/url\(|@font-face/);
  });

  it('has its font variables overridden by deck.css with a system stack, so the removed fonts were never used', () => {
    const deck = readFileSync(new URL('../../src/styles/deck.css', import.meta.url), 'utf8');
    expect(deck).toMatch(/--r-main-font:\s*system-ui/);
    expect(deck).toMatch(/--r-heading-font:\s*var\(--r-main-font\)/);
  });
});

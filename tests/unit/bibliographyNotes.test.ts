import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { bibKeys } from '../../src/authoring/bibKeys.ts';
import { bibliographyNotes, bibliographySections } from '../../src/content/bibliographyNotes.ts';

// The page lists references.bib, not this file: a key without a note would show with an empty line, and a
// note whose key left references.bib would be silently dropped, so both directions are checked here.
const keys = bibKeys(join(import.meta.dirname, '../..', 'references.bib'));
const notes = Object.entries(bibliographyNotes);
const declared = bibliographySections.map((s) => s.id as string);

describe('bibliography notes', () => {
  it('give every references.bib entry a note', () => {
    expect(keys.size).toBeGreaterThan(0);
    expect([...keys].filter((k) => !(k in bibliographyNotes))).toEqual([]);
  });

  it('name no key that references.bib does not define', () => {
    expect(notes.map(([k]) => k).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('are each a single non-empty line of at most 200 characters', () => {
    const bad = notes.filter(([, { note }]) => note.trim() === '' || /[\r\n]/.test(note) || note.length > 200 || note !== note.trim());
    expect(bad.map(([k, { note }]) => `${k} (${note.length} chars)`)).toEqual([]);
  });

  it('put every entry in a declared section and leave no declared section empty', () => {
    const used = new Set(notes.map(([, n]) => n.section as string));
    expect([...used].filter((s) => !declared.includes(s))).toEqual([]);
    expect(declared.filter((s) => !used.has(s))).toEqual([]);
  });
});

describe('bibliography sections', () => {
  it('have unique ids and a title and one-sentence blurb each', () => {
    expect(new Set(declared).size).toBe(declared.length);
    for (const s of bibliographySections) {
      expect(s.title.trim()).not.toBe('');
      expect(s.blurb).toMatch(/^[^\n]+\.$/);
      expect(s.blurb.split(/\.\s/).length, `${s.id} blurb has more than one sentence`).toBe(1);
    }
  });

  it('follow the reading list order, with the background group last', () => {
    expect(declared).toEqual(['landscape', 'gradient-flow', 'learning-rate', 'stochasticity', 'emergence-empirical', 'emergence-theory', 'background']);
  });
});

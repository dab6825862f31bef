import { describe, expect, it } from 'vitest';
import { katexMacros } from '../../src/content/katexMacros.ts';
import { notation } from '../../src/content/notation.ts';
import { macroRows, notationSections, renderTex } from '../../src/content/notationPage.ts';

describe('the notation page', () => {
  it('renders every symbol of the table with the shared macros and no KaTeX error', () => {
    const sections = notationSections();
    expect(sections.map((s) => s.title)).toEqual(notation.map((g) => g.title));
    for (const section of sections) {
      for (const row of section.rows) {
        expect(row.html, row.tex).toContain('class="katex"');
        expect(row.html, row.tex).not.toContain('katex-error');
        expect(row.html, row.tex).toContain('<math');
      }
    }
  });

  it('renders every shared macro it lists', () => {
    const rows = macroRows();
    expect(rows.map((r) => r.name)).toEqual(Object.keys(katexMacros));
    for (const row of rows) expect(row.html, row.name).not.toContain('katex-error');
  });

  it('renders every macro that a table entry uses, and only defined ones', () => {
    const used = new Set(notation.flatMap((g) => g.entries.flatMap((e) => e.tex.match(/\\[A-Za-z]+/g) ?? [])));
    // A command that takes an argument (\\mathbf) cannot render bare; an undefined one renders in neither form.
    const renders = (tex: string) => { try { renderTex(tex); return true; } catch { return false; } };
    for (const name of used) expect(renders(name) || renders(`${name}{x}`), name).toBe(true);
    expect(renders('\\notAMacro') || renders('\\notAMacro{x}')).toBe(false);
    expect([...used].filter((name) => name in katexMacros)).toContain('\\Loss');
  });

  it('fails loudly on an undefined macro or bad LaTeX instead of rendering it red', () => {
    expect(() => renderTex('\\notAMacro')).toThrow(/Undefined control sequence/);
    expect(() => renderTex('x^{')).toThrow();
  });

  it('gives every symbol one row: no tex appears twice in the table', () => {
    const all = notation.flatMap((g) => g.entries.map((e) => e.tex));
    const repeated = all.filter((tex, k) => all.indexOf(tex) !== k);
    expect(repeated).toEqual([]);
  });

  it('gives every group a distinct anchor id', () => {
    const ids = notationSections().map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[a-z0-9-]+$/.test(id))).toBe(true);
  });
});

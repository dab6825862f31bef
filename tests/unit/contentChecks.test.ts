import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { remarkCheckCitations } from '../../src/authoring/remarkCheckCitations.ts';
import { remarkCheckFigures } from '../../src/authoring/remarkCheckFigures.ts';
import { remarkDisplayMath } from '../../src/authoring/remarkDisplayMath.ts';
import { findBrokenLinks } from '../../src/authoring/checkLinks.ts';
import { runRemark } from '../support/mdx.ts';
import { saxeModes } from '../../src/figures/saxeModes.ts';

const dir = mkdtempSync(join(tmpdir(), 'checks-'));
const bibPath = join(dir, 'references.bib');
writeFileSync(bibPath, '@article{known2020,\n  title = {A},\n  year = {2020}\n}\n@misc{other-key.2,\n title={B}}\n');

describe('remarkCheckCitations', () => {
  it('accepts keys defined in references.bib, alone or grouped', async () => {
    await expect(runRemark('As shown [@known2020; @other-key.2].', [[remarkCheckCitations, { bibPath }]])).resolves.toBeDefined();
  });
  it('fails on an unknown key with its line and column', async () => {
    await expect(runRemark('Line one.\n\nSee [see @known2020; @missing1999, p. 3].', [[remarkCheckCitations, { bibPath }]])).rejects.toThrow(/Unknown citation key "@missing1999"/);
    const err = await runRemark('\n\nSee [@missing1999].', [[remarkCheckCitations, { bibPath }]]).catch((e) => e);
    expect(err.line).toBe(3);
    expect(err.column).toBe(5);
  });
  it('ignores e-mail-like text outside citation brackets', async () => {
    await expect(runRemark('Write to someone@example.org.', [[remarkCheckCitations, { bibPath }]])).resolves.toBeDefined();
  });
});

describe('remarkCheckFigures', () => {
  const specs = { 'saxe-modes': saxeModes };
  it('fails on an unregistered figure and lists the registered ones', async () => {
    await expect(runRemark('<Figure name="nope" caption="x" />', [[remarkCheckFigures, { specs }]])).rejects.toThrow('Unknown figure "nope". Known figures: saxe-modes.');
  });
  it('accepts parameters within the sliders\' ranges', async () => {
    await expect(runRemark('<Figure name="saxe-modes" caption="x" params={{ s1: 2.5, log10u0: -4 }} />', [[remarkCheckFigures, { specs }]])).resolves.toBeDefined();
  });
  it('fails on a parameter out of range or unknown, naming it', async () => {
    await expect(runRemark('<Figure name="saxe-modes" caption="x" params={{ s1: 40 }} />', [[remarkCheckFigures, { specs }]])).rejects.toThrow('s1 = 40 is outside [0.2, 4]');
    await expect(runRemark('<Figure name="saxe-modes" caption="x" params={{ depth: 3 }} />', [[remarkCheckFigures, { specs }]])).rejects.toThrow('has no parameter "depth"');
  });
  it('fails on a caption that tells the reader to use the controls, with its line, and points at explore', async () => {
    const source = 'Text.\n\n<Figure name="saxe-modes" caption="Modes at s = (3, 2, 1), seed 0. Move the sliders to reorder them." />';
    const err = await runRemark(source, [[remarkCheckFigures, { specs }]]).catch((e) => e);
    expect(err.message).toContain('move "Move the sliders to reorder them." into explore="…"');
    expect(err.line).toBe(3);
    await expect(runRemark('<Figure name="saxe-modes" caption="Shown at the default sliders and the slider\'s s₁." explore="Move the sliders to reorder them." />', [[remarkCheckFigures, { specs }]])).resolves.toBeDefined();
  });
  it('fails on steps for a figure without a step build', async () => {
    await expect(runRemark('<Figure name="saxe-modes" caption="x" steps />', [[remarkCheckFigures, { specs }]])).rejects.toThrow('has no step build');
  });
});

describe('remarkDisplayMath', () => {
  it('turns a paragraph that is only $$…$$ into display math', async () => {
    const { tree } = await runRemark('$$x^2$$\n\nand $y$ inline', [remarkDisplayMath], '/r.mdx');
    expect(tree.children[0].type).toBe('math');
    expect(tree.children[1].type).toBe('paragraph');
  });
});

describe('findBrokenLinks', () => {
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'slides/deck'), { recursive: true });
  writeFileSync(join(dist, 'slides/deck/index.html'), '<section id="intro"></section>');
  writeFileSync(join(dist, 'index.html'), '<h2 id="objectives"></h2>');
  const at = { file: join(dir, 'readings/r.mdx'), line: 4, column: 2 };

  it('accepts existing pages, anchors and slide ids', () => {
    expect(findBrokenLinks(dist, [{ url: '/slides/deck/#/intro', ...at }, { url: '/#objectives', ...at }, { url: '/slides/deck', ...at }], dir)).toEqual([]);
  });
  it('reports a missing page and a missing slide id with file:line:column', () => {
    const errors = findBrokenLinks(dist, [{ url: '/slides/nope/', ...at }, { url: '/slides/deck/#/outro', ...at }], dir);
    expect(errors[0]).toMatch(/^readings\/r\.mdx:4:2 {2}link to "\/slides\/nope\/": no page/);
    expect(errors[1]).toContain('has no slide id "outro"');
  });
});

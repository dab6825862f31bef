import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixture, replaceIn } from '../support/buildFixture.ts';

const reading = 'readings/fixture-reading.mdx';
const deck = 'slides/fixture-deck.mdx';

describe('the fixture site', () => {
  it('builds cleanly, so every failure below is caused by its one edit', () => {
    const result = buildFixture(() => {});
    expect(result.output).not.toMatch(/\[ERROR\]/);
    expect(result.code).toBe(0);
    expect(existsSync(join(result.root, 'dist/slides/fixture-deck/index.html'))).toBe(true);
    const parted = readFileSync(join(result.root, 'dist/slides/parted-deck/index.html'), 'utf8');
    expect([...parted.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1])).toEqual(['parted-deck', 'the-scalar-landscape', 'gradient-flow', 'references']);
  });
});

describe('a build with bad input fails and says where and how to fix it', () => {
  it('rejects a frontmatter field the schema does not know', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, reading, 'level: intermediate', 'level: intermediate\ncolour: blue'));
    expect(code).not.toBe(0);
    expect(output).toContain('fixture-reading');
    expect(output).toMatch(/unknown frontmatter field\(s\) "colour"\. Allowed fields: title, authors/);
  });

  it('rejects malformed YAML frontmatter with its line', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, deck, 'authors: [Test Author]', 'authors: [Test Author'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/fixture-deck\.mdx:\d+/);
  });

  it('rejects a frontmatter value of the wrong type', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, reading, 'year: 2014', 'year: twenty-fourteen'));
    expect(code).not.toBe(0);
    expect(output).toContain('fixture-reading');
    expect(output).toContain('year must be a number such as 2014');
  });

  it('rejects an unknown learning-objective id and lists the valid ones', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, deck, 'objectives: [ir-saddle-to-saddle]', 'objectives: [ir-saddles]'));
    expect(code).not.toBe(0);
    expect(output).toContain('fixture-deck');
    expect(output).toMatch(/unknown objective id "ir-saddles"\. Use one of: ir-concept, /);
  });

  it('rejects bad LaTeX with file:line', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, reading, '$$\\dot u = 2u(s-u)$$', '$$\\dot u = \\frac{2u(s-u)$$'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/KaTeX: KaTeX parse error/);
    expect(output).toMatch(/fixture-reading\.mdx:\d+:\d+/);
  });

  it('rejects bad LaTeX inside speaker notes', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, deck, '$\\dot u = 2u(s-u)$.', '$\\dot u = \\frac{2u}{$.'));
    expect(code).not.toBe(0);
    expect(output).toContain('KaTeX (speaker notes)');
    expect(output).toMatch(/fixture-deck\.mdx:\d+/);
  });

  it('rejects an unknown citation key with file:line:column', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, reading, '[@saxe2014exact];', '[@saxe2041exact];'));
    expect(code).not.toBe(0);
    expect(output).toContain('Unknown citation key "@saxe2041exact". Add an entry with that key to references.bib');
    expect(output).toMatch(/fixture-reading\.mdx:19:\d+/);
  });

  it('rejects a related reading that does not exist, with file and frontmatter line', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, reading, 'order: 1\n', 'order: 1\nrelated: [no-such-reading]\n'));
    expect(code).not.toBe(0);
    expect(output).toContain('Unknown related reading "no-such-reading": no readings/no-such-reading.mdx');
    expect(output).toMatch(/fixture-reading\.mdx:13:1/);
  });

  it('rejects a prerequisite slide that the deck does not have', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, reading, 'order: 1\n', 'order: 1\nprerequisites: [fixture-deck#no-such-slide]\n'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/readings\/fixture-reading\.mdx:13:\d+ +link to "\/slides\/fixture-deck\/#\/no-such-slide": page "\/slides\/fixture-deck\/" has no slide id "no-such-slide"/);
  });

  it('rejects an internal link to a page that does not exist', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, reading, '(/exercises/fixture-exercise/)', '(/exercises/no-such-exercise/)'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/readings\/fixture-reading\.mdx:\d+:\d+ +link to "\/exercises\/no-such-exercise\/": no page/);
  });

  it('rejects a link to a slide id that does not exist', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, reading, 'slide="mode-dynamics"', 'slide="mode-dynamic"'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/readings\/fixture-reading\.mdx:\d+:\d+ +link to "\/slides\/fixture-deck\/#\/mode-dynamic": page "\/slides\/fixture-deck\/" has no slide id "mode-dynamic"/);
  });

  it('rejects an unknown figure name and lists the known ones', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, deck, 'name="saxe-modes"', 'name="saxe-mode"'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/Unknown figure "saxe-mode"\. Known figures: [a-z, -]*\bsaxe-modes\b/);
    expect(output).toMatch(/fixture-deck\.mdx:\d+:\d+/);
  });

  it('rejects figure parameters outside a slider range, with file:line', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, deck, 'name="saxe-modes" caption', 'name="saxe-modes" params={{ s1: 9 }} caption'));
    expect(code).not.toBe(0);
    expect(output).toContain('<Figure name="saxe-modes">: Figure "saxe-modes": s1 = 9 is outside [0.2, 4].');
    expect(output).toMatch(/fixture-deck\.mdx:\d+:\d+/);
  });

  it('rejects an unknown "predict, then run" check with file:line and the known ones', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, 'exercises/fixture-exercise.mdx', 'check="mode-half-time"', 'check="mode-halftime"'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/mode-halftime/);
    expect(output).toContain('mode-half-time, xy-max-stable-eta');
    expect(output).toMatch(/fixture-exercise\.mdx:\d+:\d+/);
  });

  it('rejects two slides with the same id', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, deck, '## A vertical slide', '## Mode dynamics'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/Duplicate slide id "mode-dynamics" \(first used on line \d+\)/);
  });

  it('rejects a slide id repeated in another part of the same deck, naming the first file', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, 'slides/parted-deck/02-dynamics.mdx', '## Gradient flow', '## The scalar landscape'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/Duplicate slide id "the-scalar-landscape" \(first used on parted-deck\/0[12]-(landscape|dynamics)\.mdx:\d+\)/);
  });

  it('rejects an unknown field in a deck part', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, 'slides/parted-deck/01-landscape.mdx', 'title: Landscape', 'title: Landscape\nduration: 10'));
    expect(code).not.toBe(0);
    expect(output).toContain('01-landscape');
    expect(output).toMatch(/unknown frontmatter field\(s\) "duration"\. Allowed fields: title, objectives/);
  });

  it('rejects a slide break written straight under text (a setext heading in Markdown)', () => {
    const { code, output } = buildFixture((root) => replaceIn(root, deck, 'A deck used by the build tests.\n\nNote:', 'A deck used by the build tests.\n---\n\nNote:'));
    expect(code).not.toBe(0);
    expect(output).toContain('makes a setext heading, not a slide break');
  });
});

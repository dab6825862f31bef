import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchPage } from '../support/browser.ts';
import { pdfInfo } from '../support/pdf.ts';
import { deckHandouts, exerciseHandouts, HANDOUTS_DIR, readingsPacket } from '../../src/handouts/handoutFiles.ts';

/**
 * The PDFs `npm run handouts` wrote into the test build (`npm test` runs `npm run handouts:test` after building),
 * checked against the live site: page counts, slide titles and numbers, notes, the solution-free sheets, figures.
 */
const site = inject('site');
const dist = inject('dist');
const out = join(dist, HANDOUTS_DIR);
const decks = readdirSync(join(dist, 'slides')).filter((d) => existsSync(join(dist, 'slides', d, 'index.html')));
const sets = readdirSync(join(dist, 'exercises')).filter((d) => existsSync(join(dist, 'exercises', d, 'print', 'index.html')));

/**
 * Text of a PDF (or of one page) twice: in the order it was drawn (-raw: a fraction does not split the sentence
 * around it, but link text comes apart) and as laid out on the page (the other way round); compared loosely: no spaces or hyphens, since lines wrap and break words differently on paper.
 */
const pagesCache = new Map<string, string[]>();
function pageTexts(file: string): string[] {
  if (!pagesCache.has(file)) {
    // pdftotext ends each page with a form feed.
    const [raw, layout] = ['-raw', '-layout'].map((mode) => execFileSync('pdftotext', [mode, file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f'));
    pagesCache.set(file, raw.map((r, i) => `${loose(r)}\n${loose(layout[i] ?? '')}`));
  }
  return pagesCache.get(file)!;
}
const text = (file: string, page?: number) => (page ? pageTexts(file)[page - 1] : pageTexts(file).join('\n'));
const loose = (s: string) => s.replace(/[\s\-‐\u00ad\u200b]+/g, '');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Share of a rendered page's pixels in strong colours other than blue: the figures' orange, green and red
 * curves, not black text nor blue links (measured: 0 on text pages, 0.0008 or more where a figure is drawn).
 */
function colouredShare(file: string, page: number): number {
  const ppm = execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '40', file], { maxBuffer: 64 << 20 });
  // Binary PPM: "P6\n<w> <h>\n255\n" then RGB triples.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  let coloured = 0;
  for (let i = header[0].length; i < ppm.length; i += 3) {
    const [r, g, b] = [ppm[i], ppm[i + 1], ppm[i + 2]];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 90 && b < Math.max(r, g)) coloured += 1;
  }
  return coloured / (w * h);
}

/** The pages of a PDF whose printed caption says a figure is on them. */
function figurePages(file: string): number[] {
  const pages: number[] = [];
  pageTexts(file).forEach((t, i) => { if (t.includes(loose('Live figure:'))) pages.push(i + 1); });
  return pages;
}

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** What the live deck shows: each slide's title, number and speaker notes (prose only: notes math prints as glyphs). */
async function liveDeck(page: Page, deck: string) {
  await page.goto(`${site}/slides/${deck}/`);
  await page.waitForSelector('html[data-deck-ready]');
  return page.evaluate(() => {
    const d = window.deck!;
    return d.getSlides().map((s) => {
      const i = d.getIndices(s);
      d.slide(i.h, i.v);
      const notes = s.querySelector('aside.notes')?.cloneNode(true) as HTMLElement | undefined;
      notes?.querySelectorAll('math, .katex').forEach((m) => m.replaceWith('\u0000'));
      // The longest stretch of notes prose between two formulas.
      const prose = (notes?.textContent ?? '').split('\u0000').map((t) => t.replace(/\s+/g, ' ').trim()).sort((a, b) => b.length - a.length)[0] ?? '';
      return {
        title: (s.querySelector('h1, h2')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        number: (document.querySelector('.reveal .slide-number')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        notes: prose.split(' ').slice(0, 8).join(' '),
      };
    });
  });
}

describe('npm run handouts', () => {
  it('wrote every handout the site links, each titled and with its fonts embedded', () => {
    const files = [
      ...decks.flatMap((d) => Object.values(deckHandouts(d)).map((h) => h.file)),
      readingsPacket.file,
      ...sets.flatMap((s) => Object.values(exerciseHandouts(s)).map((h) => h.file)),
    ];
    expect(decks.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const file = join(out, f);
      expect(existsSync(file), `${HANDOUTS_DIR}/${f} was not written`).toBe(true);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(/^Title:\s+\S.*Training Dynamics/m.test(info), `${f} has no document title`).toBe(true);
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      // Columns emb, sub, uni, object, generation: every font embedded (Type 3 glyph fonts are never subset).
      expect(fonts.filter((l) => /\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l)?.[1] !== 'yes'), `${f}: fonts not embedded`).toEqual([]);
    }
  });

  for (const deck of ['implicit-regularization', 'emergence']) {
    it(`prints ${deck} one slide per page, every fragment in, numbered as the deck is, with every title and every slide's notes`, async () => {
      const page = await browser.newPage();
      const problems = await watchPage(page, site);
      const live = await liveDeck(page, deck);
      await page.close();
      expect(problems.consoleErrors).toEqual([]);
      const h = deckHandouts(deck);
      const slides = join(out, h.slides.file);
      expect(pdfInfo(slides).pages).toBe(live.length);
      for (const [k, s] of live.entries()) {
        const pageText = text(slides, k + 1);
        expect(pageText, `slide ${k + 1}: title`).toContain(loose(s.title));
        expect(pageText, `slide ${k + 1}: number`).toContain(loose(s.number));
      }
      const notes = text(join(out, h.notes.file));
      const missing = live.filter((s) => s.notes && !notes.includes(loose(s.notes))).map((s) => `${s.title}: "${s.notes}"`);
      expect(missing, 'notes missing from the notes handout').toEqual([]);
      expect(pdfInfo(join(out, h.notes.file)).pages).toBeGreaterThanOrEqual(live.length);
      expect(pdfInfo(join(out, h.compact.file)).pages).toBe(Math.ceil(live.length / 3));
      for (const f of [h.slides.file, h.notes.file, h.compact.file]) {
        const figures = figurePages(join(out, f));
        expect(figures.length, `${f} has no figure page`).toBeGreaterThan(0);
        expect(colouredShare(join(out, f), figures[0]), `${f}: the figure on page ${figures[0]} is blank`).toBeGreaterThan(0.0004);
      }
    });
  }

  it('prints the readings packet in reading-path order with a table of contents, numbered pages and footnotes', () => {
    const file = join(out, readingsPacket.file);
    const all = text(file);
    const readings = readdirSync(join(dist, 'readings')).filter((r) => existsSync(join(dist, 'readings', r, 'handout', 'index.html')));
    const titles = readings
      .map((r) => readFileSync(join(dist, 'readings', r, 'handout', 'index.html'), 'utf8'))
      .map((html) => ({ order: Number(/Annotated reading (\d+)/.exec(html)![1]), title: squash(/<h1[^>]*>([^<]*)</.exec(html)![1].replace(/&amp;/g, '&')) }))
      .sort((a, b) => a.order - b.order);
    const toc = text(file, 2) + text(file, 3) + text(file, 4);
    for (const { order, title } of titles) expect(toc, `contents: ${title}`).toContain(loose(`${order}. ${title.split(' ').slice(0, 3).join(' ')}`));
    // Each reading starts on the page the contents give, under a running header with its title.
    const raw = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
    const first = titles[0];
    const start = Number(new RegExp(`^\\s*${first.order}\\. .*?(\\d+)\\s*$`, 'm').exec(raw)![1]);
    expect(text(file, start)).toContain(loose(first.title));
    const later = text(file, start + 1);
    expect(later).toContain(loose(`Page ${start + 1}`));
    expect(later).toContain(loose(first.title.slice(0, 25)));
    // Margin notes become numbered footnotes: "1. The paper writes …" at the foot of a page.
    expect(all).toContain(loose('1. The paper writes'));
    const figures = figurePages(file);
    expect(figures.length).toBeGreaterThan(5);
    expect(colouredShare(file, figures[0])).toBeGreaterThan(0.0004);
    expect(all).not.toMatch(/Movethe.{0,20}slider/);
  });

  it('prints each exercise set without and with its worked solutions, the problems sheet free of solution text', async () => {
    const page = await browser.newPage();
    for (const set of sets) {
      const h = exerciseHandouts(set);
      await page.goto(`${site}/exercises/${set}/solutions/`);
      const solutions = await page.evaluate(() => [...document.querySelectorAll('.solution-open')].map((s) => {
        const clone = s.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('.katex, math, .box-label').forEach((m) => m.replaceWith('\u0000'));
        return (clone.textContent ?? '').split('\u0000').map((t) => t.replace(/\s+/g, ' ').trim()).sort((a, b) => b.length - a.length)[0];
      }));
      expect(solutions.length, `${set} has worked solutions`).toBeGreaterThan(0);
      const problems = text(join(out, h.problems.file));
      const withSolutions = text(join(out, h.solutions.file));
      for (const s of solutions) {
        const probe = s.split(' ').slice(0, 8).join(' ');
        expect(withSolutions, `${set}: solutions sheet lacks "${probe}"`).toContain(loose(probe));
        expect(problems, `${set}: problems sheet shows solution text "${probe}"`).not.toContain(loose(probe));
      }
      for (const f of [h.problems.file, h.solutions.file]) {
        const hasFigure = (await page.locator('dyn-figure').count()) > 0;
        if (!hasFigure) continue;
        const figures = figurePages(join(out, f));
        expect(figures.length, `${f} has no figure page`).toBeGreaterThan(0);
        expect(colouredShare(join(out, f), figures[0])).toBeGreaterThan(0.0004);
      }
    }
    await page.close();
  });

  it('prints the same bytes again, apart from the creation date', () => {
    const again = mkdtempSync(join(tmpdir(), 'handouts-'));
    const file = exerciseHandouts('scalar-landscape').problems.file;
    const run = spawnSync('node', ['--experimental-strip-types', 'src/handouts/makeHandouts.ts', '--dist', dist, '--only', file, '--out', again], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`wrote `);
    const undated = (f: string) => readFileSync(f).toString('latin1').replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, '');
    expect(undated(join(again, file))).toBe(undated(join(out, file)));
  });

  it('fails naming the page it was printing when that page breaks, and exits non-zero', () => {
    const broken = mkdtempSync(join(tmpdir(), 'broken-site-'));
    writeFileSync(join(broken, 'index.html'), '<!doctype html><link rel="icon" href="/favicon.svg"><title>x</title>');
    mkdirSync(join(broken, 'slides', 'broken'), { recursive: true });
    writeFileSync(join(broken, 'slides', 'broken', 'index.html'), '<!doctype html><html data-pdf-ready><title>Broken · Training Dynamics</title><script>throw new Error("deck script failed")</script></html>');
    const run = spawnSync('node', ['--experimental-strip-types', 'src/handouts/makeHandouts.ts', '--dist', broken], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('failed printing /slides/broken/');
    expect(run.stderr).toContain('deck script failed');
  });
});

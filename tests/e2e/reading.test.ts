import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { builtPages } from '../support/builtPages.ts';
import { pagePath } from '../support/testSite.ts';
import { pdfInfo, pdfText } from '../support/pdf.ts';
import { axeViolations } from '../support/axe.ts';
import { weighPage } from '../support/pageWeight.ts';
import { expectWithinBudgets } from '../support/pageBudgets.ts';

const site = inject('site');
const dist = inject('dist');
const origin = inject('origin');
const base = inject('base');
const pages = builtPages(dist);
const readings = pages.filter((p) => /^\/readings\/(?!bibliography\/)[^/]+\/$/.test(p));
const exercises = pages.filter((p) => /^\/exercises\/[^/]+\/$/.test(p));
const out = mkdtempSync(join(tmpdir(), 'handout-'));

/** Whitespace-collapsed text, as pdftotext's line breaks and a figure's wrapped labels need. */
const squash = (t: string) => t.replace(/\s+/g, ' ');
/**
 * One plain-word label (an axis or panel title) of each static figure on the page: the PDF must contain it, so
 * the figure printed as vector text rather than vanishing or printing as a blank box.
 */
const figureLabels = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('dyn-figure svg')].flatMap((svg) => {
    const words = [...svg.querySelectorAll('text')].map((t) => (t.textContent ?? '').replace(/\s+/g, ' ').trim()).filter((t) => /^[A-Za-z][A-Za-z ]{5,}$/.test(t));
    return words.length > 0 ? [words.sort((a, b) => b.length - a.length)[0]] : [];
  }));

/** The links of the Pagefind results shown so far, as page paths (base path off). */
const resultLinks = (page: Page) =>
  page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')).then((hs) => hs.map((h) => pagePath(h, base)));

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe.each(readings)('reading %s', (url) => {
  // One load for both checks: the layout ones first, then the page is switched to print media.
  it('shows margin notes beside the text on a wide screen and inline on a phone, and prints to A4 with its figures drawn as static SVG and page numbers', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(site + url, { waitUntil: 'networkidle' });
    const count = await page.locator('.sidenote').count();
    if (count > 0) {
      expect(await page.locator('.sidenote').first().evaluate((n) => getComputedStyle(n).float)).toBe('right');
      await page.setViewportSize({ width: 390, height: 800 });
      expect(await page.locator('.sidenote').first().evaluate((n) => getComputedStyle(n).float)).toBe('none');
      await page.setViewportSize({ width: 1280, height: 720 });
    }
    await page.emulateMedia({ media: 'print' });
    const figures = await page.evaluate(() => [...document.querySelectorAll('dyn-figure svg')].map((s) => s.getBoundingClientRect().height));
    expect(figures.every((h) => h > 100)).toBe(true);
    const labels = await figureLabels(page);
    const file = join(out, `${url.replace(/\W+/g, '-')}.pdf`);
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    const info = pdfInfo(file);
    expect(info.pageSize).toMatch(/\(A4\)/);
    const text = pdfText(file);
    expect(text).toMatch(/Page 1 of \d+/);
    for (const label of labels) expect(squash(text)).toContain(label);
    await page.close();
  });
});

describe('interactive figure', () => {
  it('is operable from the keyboard and re-describes itself from the engine', async () => {
    // The Saxe reading's figure: its sliders are the teacher's singular values s₁, s₂, s₃.
    const url = '/readings/saxe-2014/';
    const page = await browser.newPage();
    await page.goto(site + url);
    const figure = page.locator('dyn-figure').first();
    // A figure computes live once it is scrolled into view.
    await figure.scrollIntoViewIfNeeded();
    await page.waitForSelector('dyn-figure[data-ready]');
    const before = await figure.locator('svg desc').textContent();
    const slider = figure.locator('input[name=s1]');
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    expect(Number(await slider.inputValue())).toBeCloseTo(2.5, 5);
    // Each key press starts a new engine run and cancels the previous one; wait for the last to land.
    // Mode 1 keeps the name of its slider s₁ whatever its rank.
    await expect.poll(() => figure.locator('svg desc').textContent(), { timeout: 15_000 }).toContain('s₁ = 2.5');
    expect(await figure.locator('svg desc').textContent()).not.toBe(before);
    expect(await figure.locator('output').first().textContent()).toBe('2.5');
    expect(await figure.locator('.figure-readout').textContent()).toContain('s₁ = 2.5');
    // The overlay was recomputed by the engine in a Web Worker in this browser, not taken from the build.
    expect(await figure.locator('.figure-readout').textContent()).toMatch(/simulated by the course engine, within \d\.\de-\d+ of the closed form/);
    // A recomputed figure replays its dynamics (about 1.6 s), drawing the simulated dots as time advances.
    await expect.poll(() => figure.locator('circle.simulated').count(), { timeout: 10_000 }).toBeGreaterThan(30);
    await page.close();
  });
});

describe('figure with pointer input', () => {
  it('starts gradient descent where the reader clicks, and says so in its text alternative', async () => {
    const url = pages.find((p) => p === '/exercises/scalar-landscape/');
    if (!url) return;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site + url);
    const figure = page.locator('dyn-figure[data-name="scalar-landscape"]');
    await figure.waitFor();
    await figure.scrollIntoViewIfNeeded();
    await page.waitForSelector('dyn-figure[data-name="scalar-landscape"][data-ready]');
    const svg = figure.locator('svg.figure-svg');
    // Click the point (w₁, w₂) = (−1, 2) of the left panel, located through the SVG's own transform.
    const target = await svg.evaluate((el: SVGSVGElement) => {
      const m = el.getScreenCTM()!;
      const p = new DOMPoint(70 + (1.5 / 5) * 370, 40 + (0.5 / 5) * 370).matrixTransform(m);
      return { x: p.x, y: p.y };
    });
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => figure.locator('input[name=w1]').inputValue()).toBe('-1');
    expect(await figure.locator('input[name=w2]').inputValue()).toBe('2');
    await expect.poll(() => figure.locator('svg desc').textContent(), { timeout: 15_000 }).toContain('starts at (-1, 2)');
    await page.close();
  });
});

describe('figure in a deck', () => {
  it('plays its dynamics when its slide is shown and stops, fully drawn, when the deck moves on', async () => {
    const page = await browser.newPage();
    for (const url of pages.filter((p) => p.startsWith('/slides/'))) {
      await page.goto(site + url);
      await page.waitForSelector('html[data-deck-ready]');
      const where = await page.evaluate(() => {
        // saxe-modes draws a time cursor while it plays; other figures animate without one.
        const slide = window.deck!.getSlides().find((s) => s.querySelector('dyn-figure[data-name="saxe-modes"]'));
        return slide ? window.deck!.getIndices(slide) : null;
      });
      if (!where) continue;
      const figure = page.locator('.present dyn-figure[data-name="saxe-modes"]').first();
      await page.evaluate(({ h, v }) => window.deck!.slide(h, v ?? 0), where);
      // It computes when its slide is first shown, then plays (about 1.6 s) with a cursor.
      await expect.poll(() => figure.locator('line.cursor').count(), { timeout: 30_000, interval: 50 }).toBeGreaterThan(0);
      await page.keyboard.press('ArrowRight');
      const stopped = page.locator('dyn-figure[data-name="saxe-modes"]').first();
      await expect.poll(() => stopped.locator('line.cursor').count()).toBe(0);
      expect(await stopped.locator('path').count()).toBeGreaterThan(0);
      await page.close();
      return;
    }
    throw new Error('no deck contains the saxe-modes figure');
  });
});

describe.each(exercises)('exercise %s', (url) => {
  it('keeps solutions folded until the reader opens one, then shows the worked solution of that problem', async () => {
    const page = await browser.newPage();
    await page.goto(site + url);
    // The page carries no solution text: each fold fetches its own from the "with solutions" handout.
    const folds = page.locator('details.solution');
    const last = folds.last();
    expect(await last.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await last.locator('.details-body').textContent()).toMatch(/problems with solutions/);
    await last.locator('summary').click();
    expect(await last.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.waitForSelector('details.solution[data-filled="true"]');
    const shown = await last.locator('.details-body').innerText();
    const handout = await browser.newPage();
    await handout.goto(`${site}${url}solutions/`);
    const expected = await handout.locator('.solution-open').nth((await folds.count()) - 1).innerText();
    await handout.close();
    // The same worked solution as the handout's, less its "Solution" label.
    expect(shown.replace(/\s+/g, ' ').trim()).toBe(expected.replace(/^Solution\s*/i, '').replace(/\s+/g, ' ').trim());
    expect(await last.locator('.katex').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('has a printable handout without solutions and one with them', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}${url}print/`);
    expect(await page.locator('.solution').count()).toBe(0);
    expect(await page.locator('.problem').count()).toBeGreaterThan(0);
    const file = join(out, `${url.replace(/\W+/g, '-')}solutions.pdf`);
    await page.goto(`${site}${url}solutions/`);
    expect(await page.locator('.solution-open').count()).toBe(await page.locator('.problem').count());
    await page.pdf({ path: file, preferCSSPageSize: true });
    expect(pdfText(file)).toMatch(/\bSolution\b/);
    await page.close();
  });
});

describe('search', () => {
  it('finds slide text and links the hit to the slide itself', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}/search/`, { waitUntil: 'networkidle' });
    await page.locator('.pagefind-ui__search-input').fill('interpolator');
    // Pagefind UI renders results one by one as their fragments load: wait for the slide's hit to arrive
    // rather than reading the list as soon as its first entry appears.
    const hrefs = () => resultLinks(page);
    const isSlideHit = (h: string) => h.startsWith('/slides/') && h.includes('#/');
    await expect.poll(async () => (await hrefs()).some(isSlideHit), { timeout: 20_000, message: 'no slide among the search hits' }).toBe(true);
    const slideHit = (await hrefs()).find(isSlideHit);
    await page.goto(site + slideHit!);
    await page.waitForSelector('html[data-deck-ready]');
    expect(await page.evaluate(() => window.deck!.getCurrentSlide().id)).toBe(slideHit!.split('#/')[1]);
    await page.close();
  });

  it('finds a word from a reading, offline, from the built index', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}/search/`, { waitUntil: 'networkidle' });
    await page.locator('.pagefind-ui__search-input').fill('hyperbola');
    const hits = () => resultLinks(page);
    await expect.poll(async () => (await hits()).some((h) => h.startsWith('/readings/')), { timeout: 20_000, message: 'no reading among the search hits' }).toBe(true);
    await page.close();
  });
});

describe.each(readings)('printable handout of %s', (url) => {
  // This one load also makes everyPage.test.ts's checks of the handout (console, requests, axe, page weight):
  // Paged.js makes handouts the slowest pages to open, so that file leaves them to this one.
  it('is laid out on A4 pages with each margin note as a footnote on the page that cites it, and opens cleanly within its budgets', async () => {
    const inSource = await (await fetch(`${site}${url}`)).text();
    let notes: { calls: number; footnotes: number }[] = [];
    let markersApart: string[] = [];
    let violations: string[] = [];
    let labels: string[] = [];
    let text = '';
    const file = join(out, `${url.replace(/\W+/g, '-')}handout.pdf`);
    const w = await weighPage(browser, dist, origin, `${url}handout/`, base, {
      watch: true,
      inspect: async (page) => {
        notes = await page.evaluate(() =>
          [...document.querySelectorAll('.pagedjs_page')].map((p) => ({
            calls: p.querySelectorAll('.pagedjs_area [data-footnote-call], .pagedjs_area .footnote-call, .pagedjs_area a.footnote').length,
            // A note too long for the foot of its page continues on the next as a copy marked data-split-from.
            footnotes: p.querySelectorAll('.pagedjs_footnote_area .sidenote:not([data-split-from])').length,
          })));
        // Each note's marker sits right after its word, never at the start of a line (nor of the next page).
        markersApart = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-footnote-call]')]
          .filter((c) => { const box = c.closest('.sidenote-anchor')?.getBoundingClientRect(); return !box || c.getBoundingClientRect().left - box.left < 2; })
          .map((c) => c.closest('p')?.textContent?.slice(0, 60) ?? c.outerHTML.slice(0, 60)));
        violations = await axeViolations(page);
        labels = await figureLabels(page);
        await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
        text = pdfText(file);
      },
    });
    expect(notes.length).toBeGreaterThan(1);
    expect(markersApart).toEqual([]);
    expect(notes.reduce((n, p) => n + p.footnotes, 0)).toBe((inSource.match(/class="sidenote"/g) ?? []).length);
    expect(pdfInfo(file).pageSize).toMatch(/\(A4\)/);
    expect(text).toMatch(/Page 2/);
    for (const label of labels) expect(squash(text)).toContain(label);
    if (inSource.includes('<dyn-figure')) expect(labels.length).toBeGreaterThan(0);
    expect(w.problems!.consoleErrors).toEqual([]);
    expect(w.problems!.failedRequests).toEqual([]);
    expect(w.problems!.offOrigin).toEqual([]);
    expect(violations).toEqual([]);
    expectWithinBudgets(w);
  });
});

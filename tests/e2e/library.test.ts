import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchPage } from '../support/browser.ts';
import { builtPages } from '../support/builtPages.ts';
import { pagePath } from '../support/testSite.ts';

/**
 * The readings library as a whole: links between readings and slides resolve both ways and carry the
 * numbers the deck shows, paper links are well formed, and the bibliography's filter works in Chromium.
 * (Every reading and the bibliography page are also loaded by everyPage.test.ts: console, requests, axe.)
 */
const site = inject('site');
const dist = inject('dist');
const base = inject('base');
/** An href attribute as a page path ("/readings/…"), base path off. */
const path = (a: Element) => pagePath(a.getAttribute('href')!, base);
const pages = builtPages(dist);
const readings = pages.filter((p) => /^\/readings\/(?!bibliography\/)[^/]+\/$/.test(p));
const decks = pages.filter((p) => /^\/slides\/[^/]+\/$/.test(p));
const doc = (url: string) => parseHTML(readFileSync(join(dist, url, 'index.html'), 'utf8')).document;

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** Each deck's slides in the order reveal counts them (leaf sections), read from the running deck. */
async function deckSlides(url: string): Promise<string[]> {
  const page = await browser.newPage();
  await watchPage(page, site);
  await page.goto(site + url, { waitUntil: 'networkidle' });
  await page.waitForSelector('html[data-deck-ready]');
  const ids = await page.evaluate(() => window.deck!.getSlides().map((s) => s.id));
  await page.close();
  return ids;
}

describe('the readings library', () => {
  it('has the twenty annotated readings and the bibliography page', () => {
    expect(readings).toHaveLength(20);
    expect(pages).toContain('/readings/bibliography/');
  });

  it('links every reading to slides that exist, with the slide number the deck shows', async () => {
    const slidesOf = new Map(await Promise.all(decks.map(async (d) => [d, await deckSlides(d)] as const)));
    const problems: string[] = [];
    let checked = 0;
    for (const url of readings) {
      for (const a of doc(url).querySelectorAll('a[href*="/slides/"]')) {
        const href = path(a);
        const [deck, id] = href.split('#/');
        const ids = slidesOf.get(deck);
        if (!ids) { problems.push(`${url}: ${href} names no deck`); continue; }
        if (!id) continue;
        const index = ids.indexOf(id);
        if (index < 0) { problems.push(`${url}: ${href} names no slide of ${deck}`); continue; }
        const number = /slide (\d+):/.exec(a.textContent ?? '')?.[1];
        if (number && Number(number) !== index + 1) problems.push(`${url}: "${a.textContent}" but the deck counts it as slide ${index + 1}`);
        checked += 1;
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(readings.length);
  });

  it('links slides that cite a paper to its reading, and each reading back to those slides', () => {
    const readingLinks = decks.flatMap((d) => [...doc(d).querySelectorAll('.slide-reading a')].map((a) => ({ deck: d, slide: a.closest('section[id]')!.id, href: path(a) })));
    expect(readingLinks.length).toBeGreaterThan(10);
    const missing = readingLinks.filter((l) => !readings.includes(l.href)).map((l) => `${l.deck}#/${l.slide} → ${l.href}`);
    expect(missing).toEqual([]);
    // A slide links a reading because it cites the reading's paper or a companion: the reading lists it back.
    const back = readingLinks.filter((l) => ![...doc(l.href).querySelectorAll('.reading-connections a')].some((a) => path(a) === `${l.deck}#/${l.slide}`));
    expect(back.map((l) => `${l.href} does not list ${l.deck}#/${l.slide}`)).toEqual([]);
  });

  it('gives every reading a well-formed arXiv or DOI link and a reading time', () => {
    for (const url of readings) {
      const header = doc(url).querySelector('.reading-header')!;
      const links = [...header.querySelectorAll('a[rel="external"]')].map((a) => a.getAttribute('href')!);
      expect(links.length, url).toBeGreaterThan(0);
      for (const href of links) expect(href, url).toMatch(/^https:\/\/(arxiv\.org\/abs\/\d{4}\.\d{4,5}(v\d+)?|doi\.org\/10\.\d{4,9}\/\S+|\S+)$/);
      expect(links.some((h) => /arxiv\.org\/abs\/|doi\.org\/10\./.test(h)), `${url} links arXiv or a DOI`).toBe(true);
      expect(header.textContent).toMatch(/about \d+ minutes to read the paper/);
    }
  });

  it('shows the fast track, the essential readings and every reading by topic on the readings page', () => {
    const index = doc('/readings/');
    expect(index.querySelectorAll('#fast-track ~ .reading-path').length).toBe(2);
    const essential = [...index.querySelectorAll('.reading-order a')].map(path);
    expect(essential.length).toBeGreaterThanOrEqual(12);
    const listed = new Set([...index.querySelectorAll('.topic-group a')].map(path));
    expect(readings.filter((r) => !listed.has(r))).toEqual([]);
  });

  it('narrows the bibliography as the reader types, and restores it when the filter is cleared', async () => {
    const page = await browser.newPage();
    const problems = await watchPage(page, site);
    await page.goto(`${site}/readings/bibliography/`, { waitUntil: 'networkidle' });
    const visible = () => page.locator('.bibliography-entry:visible').count();
    const all = await visible();
    expect(all).toBe(await page.locator('.bibliography-entry').count());
    expect(all).toBeGreaterThan(50);
    await page.locator('#bibliography-filter').fill('saddle');
    const some = await visible();
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(all);
    expect(await page.locator('#bibliography-count').textContent()).toBe(`${some} of ${all} entries match.`);
    await page.locator('#bibliography-filter').fill('Saxe semantic');
    expect(await visible()).toBe(1);
    await page.locator('#bibliography-filter').fill('');
    expect(await visible()).toBe(all);
    await page.close();
    expect(problems.consoleErrors).toEqual([]);
  });
});

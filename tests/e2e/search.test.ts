import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchPage } from '../support/browser.ts';
import { pagePath } from '../support/testSite.ts';

const site = inject('site');
const base = inject('base');

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

interface Hit { title: string; href: string; excerpt: string }

/** Types a query on /search/ and waits until `accept` holds for the results Pagefind UI has rendered so far. */
async function search(page: Page, query: string, accept: (hits: Hit[]) => boolean, message: string): Promise<Hit[]> {
  await page.goto(`${site}/search/`, { waitUntil: 'networkidle' });
  await page.locator('.pagefind-ui__search-input').fill(query);
  const hits = () =>
    page.locator('.pagefind-ui__result').evaluateAll((els) =>
      els.map((e) => ({
        title: e.querySelector('.pagefind-ui__result-title')?.textContent?.trim() ?? '',
        href: e.querySelector('.pagefind-ui__result-title .pagefind-ui__result-link')?.getAttribute('href') ?? '',
        excerpt: e.querySelector('.pagefind-ui__result-excerpt')?.textContent?.trim() ?? '',
      }))).then((hs) => hs.map((h) => ({ ...h, href: pagePath(h.href, base) })));
  // Results render one by one as their fragments load: wait for the one we want rather than the first.
  await expect.poll(async () => accept(await hits()), { timeout: 20_000, message }).toBe(true);
  return hits();
}

describe('search', () => {
  it('returns the lecture 1 slide "… a strict saddle" as its own result, with a text-only excerpt and a deep link that lands on it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = await watchPage(page, site);
    // The slide is found from the deck itself, so the test follows the content if the heading is reworded.
    await page.goto(`${site}/slides/implicit-regularization/`);
    await page.waitForSelector('html[data-deck-ready]');
    const slides = await page.evaluate(() =>
      window.deck!.getSlides()
        .map((s) => ({ id: s.id, heading: s.querySelector('h1, h2')?.textContent?.trim() ?? '' }))
        .filter((s) => /(^|[^-\w])strict saddle/i.test(s.heading)));
    expect(slides.length, 'no lecture 1 slide heading names a strict saddle').toBeGreaterThan(0);
    const target = slides[0];
    const deepLink = `/slides/implicit-regularization/#/${target.id}`;

    const hits = await search(page, 'strict saddle', (h) => h.some((x) => x.href === deepLink), `no search result links to ${deepLink}`);
    const hit = hits.find((x) => x.href === deepLink)!;
    expect(hit.title).toBe(target.heading);
    expect(hit.excerpt.toLowerCase()).toContain('strict');
    for (const h of hits) expect(h.excerpt, `excerpt of "${h.title}" carries TeX source`).not.toMatch(/\\/);
    // Each slide is a result of its own: no two results share a URL, and the deck page is not one blob.
    expect(new Set(hits.map((h) => h.href)).size).toBe(hits.length);
    expect(hits.filter((h) => h.href.startsWith('/slides/implicit-regularization/#/')).length).toBeGreaterThan(1);

    await page.locator(`.pagefind-ui__result-title a[href="${base.slice(0, -1)}${deepLink}"]`).click();
    await page.waitForSelector('html[data-deck-ready]');
    expect(await page.evaluate(() => window.deck!.getCurrentSlide().id)).toBe(target.id);
    expect(await page.locator(`section#${target.id}.present`).isVisible()).toBe(true);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    await context.close();
  });

  it('returns a section of a reading as its own result, linked to that section\'s heading', async () => {
    const page = await browser.newPage();
    const isSection = (href: string) => /^\/readings\/[^/]+\/#[\w-]+$/.test(href);
    const hits = await search(page, 'plateau', (h) => h.some((x) => isSection(x.href)), 'no reading section among the search hits');
    const hit = hits.find((x) => isSection(x.href))!;
    for (const h of hits) expect(h.excerpt, `excerpt of "${h.title}" carries TeX source`).not.toMatch(/\\/);
    await page.goto(site + hit.href);
    const id = hit.href.split('#')[1];
    expect(await page.locator(`h2[id="${id}"]`).count()).toBe(1);
    expect(hit.title.length).toBeGreaterThan(0);
    await page.close();
  });

  it('finds each annotated reading by its title, by an author who is not first, and by a key term of its tour', async () => {
    const page = await browser.newPage();
    const cases = [
      { query: 'self-stabilization', reading: '/readings/damian-2023/' },
      { query: 'Nichani', reading: '/readings/damian-2023/' },
      { query: 'Gershman', reading: '/readings/kumar-2024/' },
      { query: 'induction heads', reading: '/readings/olsson-2022/' },
      { query: 'silent alignment', reading: '/readings/atanasov-2022/' },
    ];
    for (const { query, reading } of cases) {
      await search(page, query, (h) => h.some((x) => x.href.startsWith(reading)), `searching "${query}" does not find ${reading}`);
    }
    await page.close();
  });
});

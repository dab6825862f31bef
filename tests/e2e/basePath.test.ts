import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchPage, type PageProblems } from '../support/browser.ts';
import { builtPages } from '../support/builtPages.ts';
import { TEST_SITE_BASE } from '../support/testSite.ts';

/**
 * The site published under a sub-path, as on a GitHub Pages project site. `npm test` builds it with
 * BASE_PATH=/course/ and the end-to-end setup serves it only under /course/ (everything else answers 404), so every
 * browser file already fails on a request outside the prefix, and everyPage.test.ts on a page that names a URL
 * outside it or one that does not answer. This file follows the flows that cross pages or load files on demand:
 * a slide deep link, a search result, the engine worker and a precomputed data file, a handout and print.
 */
const origin = inject('origin');
const site = inject('site');
const PREFIX = inject('base');
const dist = inject('dist');

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/**
 * A fresh page that records console errors and failed requests; watchPage aborts and records, as leaving the
 * site, any request off the origin or on it but outside the prefix.
 */
async function openPage(): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  return { page, problems: await watchPage(page, site) };
}

/** For the flows below, which navigate on: a request the browser drops because the test moved to the next page
 *  (a late favicon, net::ERR_ABORTED) is not the site's fault. A 404 or any other failure still counts. */
function expectClean(problems: PageProblems): void {
  expect(problems.consoleErrors, 'console errors').toEqual([]);
  expect(problems.failedRequests.filter((f) => !f.endsWith('(net::ERR_ABORTED)')), 'failed requests (404s included)').toEqual([]);
  expect(problems.offOrigin, `requests off the origin or outside ${PREFIX}`).toEqual([]);
}

describe(`the site built with BASE_PATH=${PREFIX} and served only under it`, () => {
  it(`is the build npm test makes, for ${TEST_SITE_BASE}`, () => {
    expect(PREFIX, 'the end-to-end tests ran on a build for the domain root: run them through npm test, or on npm run build:test').toBe(TEST_SITE_BASE);
  });

  it('follows a slide deep link from a reading to its slide', async () => {
    const { page, problems } = await openPage();
    const reading = builtPages(dist).find((p) => /^\/readings\/[^/]+\/$/.test(p))!;
    await page.goto(site + reading);
    const link = page.locator(`a[href^="${PREFIX}slides/"][href*="#/"]`).first();
    const href = (await link.getAttribute('href'))!;
    expect(href, `no slide deep link on ${reading}`).toBeTruthy();
    await link.click();
    await page.waitForSelector('html[data-deck-ready]');
    expect(page.url()).toBe(origin + href);
    const id = href.split('#/')[1];
    expect(await page.evaluate(() => window.deck!.getCurrentSlide().id)).toBe(id);
    expectClean(problems);
    await page.context().close();
  });

  it('searches with the Pagefind UI and opens a result under the prefix', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${site}/search/`, { waitUntil: 'networkidle' });
    await page.locator('.pagefind-ui__search-input').fill('strict saddle');
    const links = page.locator('.pagefind-ui__result-title .pagefind-ui__result-link');
    await expect.poll(() => links.count(), { timeout: 20_000, message: 'no search results' }).toBeGreaterThan(0);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => !h.startsWith(PREFIX)), `result links outside ${PREFIX}`).toEqual([]);
    const slide = hrefs.find((h) => h.startsWith(`${PREFIX}slides/`) && h.includes('#/'));
    expect(slide, 'no slide among the results').toBeTruthy();
    await page.locator(`.pagefind-ui__result-title a[href="${slide}"]`).click();
    await page.waitForSelector('html[data-deck-ready]');
    expect(await page.evaluate(() => window.deck!.getCurrentSlide().id)).toBe(slide!.split('#/')[1]);
    expectClean(problems);
    await page.context().close();
  });

  it('computes a live figure in a reading (engine worker) and one drawn from a precomputed run (data file)', async () => {
    const { page, problems } = await openPage();
    const reading = builtPages(dist).find((p) => /^\/readings\/[^/]+\/$/.test(p))!;
    await page.goto(site + reading);
    const figure = page.locator('dyn-figure').first();
    // A figure computes when it is first shown.
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.getAttribute('data-ready'), { timeout: 60_000, message: `the figure on ${reading} never became ready` }).toBe('true');

    // modular-grokking reads the committed run from its hashed asset URL when its slide is shown.
    const deck = builtPages(dist).filter((p) => p.startsWith('/slides/'));
    let found = false;
    for (const path of deck) {
      await page.goto(site + path);
      await page.waitForSelector('html[data-deck-ready]');
      const where = await page.evaluate(() => {
        const slide = window.deck!.getSlides().find((s) => s.querySelector('dyn-figure[data-name="modular-grokking"]'));
        return slide ? window.deck!.getIndices(slide) : null;
      });
      if (!where) continue;
      found = true;
      const data = page.waitForResponse((r) => /\/modular-addition-[^/]*\.json$/.test(new URL(r.url()).pathname));
      await page.evaluate(({ h, v }) => window.deck!.slide(h, v ?? 0), where);
      expect(new URL((await data).url()).pathname.startsWith(`${PREFIX}_astro/`)).toBe(true);
      const grokking = page.locator('.present dyn-figure[data-name="modular-grokking"]');
      await expect.poll(() => grokking.getAttribute('data-ready'), { timeout: 60_000, message: 'modular-grokking never became ready' }).toBe('true');
    }
    expect(found, 'no deck shows modular-grokking').toBe(true);
    expectClean(problems);
    await page.context().close();
  });

  it('paginates a reading handout with its stylesheet, and lays a deck out for print with ?print-pdf', async () => {
    const { page, problems } = await openPage();
    const handout = builtPages(dist).find((p) => p.endsWith('/handout/'))!;
    const css = page.waitForResponse((r) => r.url().endsWith('/handout.css'));
    await page.goto(site + handout);
    expect((await css).url()).toBe(`${site}/handout.css`);
    await page.waitForSelector('html[data-paged]', { timeout: 60_000 });
    expect(await page.locator('.pagedjs_page').count()).toBeGreaterThan(1);

    const deck = builtPages(dist).find((p) => p.startsWith('/slides/'))!;
    await page.goto(`${site}${deck}?print-pdf`);
    await page.waitForSelector('html[data-pdf-ready]', { timeout: 60_000 });
    expect(await page.locator('.pdf-page').count()).toBeGreaterThan(1);
    expectClean(problems);
    await page.context().close();
  });
});

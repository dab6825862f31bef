import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchPage, type PageProblems } from '../support/browser.ts';
import { builtPages } from '../support/builtPages.ts';
import { serveStatic } from '../support/staticServer.ts';

/**
 * The site published under a sub-path, as on a GitHub Pages project site: built with BASE_PATH=/course/ and served
 * only under /course/ (everything else answers 404), it must work with no request outside the prefix.
 *
 * The file builds the site itself, once, into a scratch folder (about 40 s); like every end-to-end file it also
 * needs the root-path build (dist/ or COURSE_DIST) for the shared global setup. To iterate on the browser checks,
 * build once by hand (BASE_PATH=/course/ COURSE_OUT_DIR=/tmp/x npm run build) and point COURSE_BASE_PATH_DIST at it.
 */
const PREFIX = '/course/';
const BUILD_MS = 400_000;

// Vitest mirrors import.meta.env into process.env (BASE_URL=/, MODE=test, NODE_ENV=test, …). A build started from
// a test must not inherit them: Astro reads import.meta.env.BASE_URL back from process.env when it prerenders pages,
// so an inherited BASE_URL=/ silently undoes BASE_PATH.
const VITEST_ENV = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST|VITEST_\w+)$/;

/** Runs `astro build` under the prefix into `out`; rejects with the build's last lines. */
function buildUnderPrefix(out: string): Promise<void> {
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITEST_ENV.test(k))),
    BASE_PATH: PREFIX,
    COURSE_OUT_DIR: out,
    // Its own cache: the shared one belongs to the root-path build the other end-to-end files test.
    COURSE_CACHE_DIR: resolve('node_modules/.cache/course-base-path-astro'),
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d) => { log += d; });
    child.stderr.on('data', (d) => { log += d; });
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`BASE_PATH=${PREFIX} build failed (exit ${code}):\n${log.split('\n').slice(-60).join('\n')}`))));
  });
}

let dist: string;
let scratch: string | undefined;
let server: Server;
let origin: string;
let site: string;
let browser: Browser;

beforeAll(async () => {
  if (process.env.COURSE_BASE_PATH_DIST) {
    dist = resolve(process.env.COURSE_BASE_PATH_DIST);
  } else {
    scratch = mkdtempSync(join(tmpdir(), 'course-base-path-'));
    dist = join(scratch, 'dist');
    await buildUnderPrefix(dist);
  }
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`No built site in ${dist}`);
  ({ server, origin } = await serveStatic(dist, 0, PREFIX));
  site = `${origin}${PREFIX.replace(/\/$/, '')}`;
  browser = await launchBrowser();
}, BUILD_MS);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

interface Watched extends PageProblems { outsidePrefix: string[] }

/** A fresh page that records console errors, failed and off-origin requests, and same-origin requests outside the prefix. */
async function openPage(): Promise<{ page: Page; problems: Watched }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: Watched = { ...(await watchPage(page, origin)), outsidePrefix: [] };
  context.on('request', (r) => { if (r.url().startsWith(origin) && !r.url().startsWith(origin + PREFIX)) problems.outsidePrefix.push(r.url()); });
  return { page, problems };
}

/** For the flows below, which navigate on: a request the browser drops because the test moved to the next page
 *  (a late favicon, net::ERR_ABORTED) is not the site's fault. A 404 or any other failure still counts. */
function expectClean(problems: Watched): void {
  expect(problems.consoleErrors, 'console errors').toEqual([]);
  expect(problems.failedRequests.filter((f) => !f.endsWith('(net::ERR_ABORTED)')), 'failed requests (404s included)').toEqual([]);
  expect(problems.offOrigin, 'requests off the origin').toEqual([]);
  expect(problems.outsidePrefix, `requests outside ${PREFIX}`).toEqual([]);
}

/** Waits until a page is fully usable: a deck started, a handout paginated, the network quiet. */
async function settle(page: Page, path: string): Promise<void> {
  if (path.startsWith('/slides/')) await page.waitForSelector('html[data-deck-ready]');
  if (path.endsWith('/handout/')) await page.waitForSelector('html[data-paged]');
  await page.waitForLoadState('networkidle');
}

describe(`the site built with BASE_PATH=${PREFIX} and served only under it`, () => {
  it('opens every page with no 404, failed request, console error or request outside the prefix, and names only URLs under it', async () => {
    const pages = builtPages(dist);
    expect(pages).toContain('/');
    expect(pages.some((p) => p.endsWith('/handout/'))).toBe(true);
    const problems: Record<string, Partial<Watched> & { urlsOutsidePrefix?: string[] }> = {};
    const named = new Map<string, string>();
    const check = async (path: string) => {
      const { page, problems: p } = await openPage();
      await page.goto(site + path, { waitUntil: 'load' });
      await settle(page, path);
      // Every link, stylesheet, script, icon and image the page names, as the browser resolves it.
      const urls = await page.evaluate(() =>
        [...document.querySelectorAll('[href], [src]')].flatMap((el) =>
          ['href', 'src'].map((a) => el.getAttribute(a)).filter((v): v is string => v !== null && v !== '').map((v) => new URL(v, document.baseURI).href)));
      await page.context().close();
      const sameOrigin = urls.filter((u) => u.startsWith(origin));
      for (const u of sameOrigin) named.set(u.replace(/[?#].*$/, ''), path);
      const found = Object.fromEntries(Object.entries({ ...p, urlsOutsidePrefix: sameOrigin.filter((u) => !u.startsWith(origin + PREFIX)) }).filter(([, v]) => v.length > 0));
      if (Object.keys(found).length > 0) problems[path] = found;
    };
    // Three pages at a time: most of a page's time is waiting for the network to go quiet.
    const queue = [...pages];
    await Promise.all(Array.from({ length: 3 }, async () => { for (let path = queue.shift(); path; path = queue.shift()) await check(path); }));
    expect(problems).toEqual({});
    // Every same-origin URL named anywhere answers: links to pages not opened above, ?print-pdf targets, icons.
    const missing: string[] = [];
    for (const [url, from] of named) {
      const response = await fetch(url);
      if (!response.ok) missing.push(`${url} (named on ${from}) → ${response.status}`);
    }
    expect(missing).toEqual([]);
  }, 600_000);

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

import { readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { watchPage, type PageProblems } from './browser.ts';

/**
 * Page weight as a reader on a phone pays for it: what Chromium requests while a built page opens (until the
 * network is idle and the deck or handout says it is ready), read back from the built files. `gzip` is gzip -9
 * of the HTML, CSS and JavaScript (workers included); `raw` is every byte fetched, fonts, data and WebAssembly
 * included. Files come from dist/, not the wire, so the numbers do not depend on the server and are the same
 * on every run: a budget over them is a test, not a timing.
 */
export interface PageWeight {
  page: string;
  gzip: { html: number; css: number; js: number; total: number };
  raw: { total: number; fonts: number; other: number };
  files: { url: string; raw: number; gzip: number }[];
}

export const KiB = 1024;
/** Budgets of issue 13 §2 (gzip of HTML+CSS+JS on open; raw bytes on open, fonts included). */
export const RAW_BUDGET = 1024 * KiB;
export function gzipBudget(page: string): number {
  // Decks, and the pages made for paper: a reading's handout and an exercise set's two print routes (problems
  // only, and with solutions); everything else is a page read on screen.
  if (/^\/slides\/[^/]+\/$/.test(page) || /\/(handout|print|solutions)\/$/.test(page)) return 200 * KiB;
  return 80 * KiB;
}

/** Quiet time after the last request before a page counts as open (Playwright's own network-idle window). */
const QUIET_MS = 500;
const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
const kind = (path: string) => {
  const ext = extname(path);
  if (ext === '' || ext === '.html') return 'html';
  if (ext === '.css') return 'css';
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.woff2' || ext === '.woff' || ext === '.ttf') return 'font';
  return 'other';
};

/** The built file behind a same-origin URL (`/x/` → `x/index.html`), with `base` the site's base path. */
function fileFor(dist: string, url: URL, base: string): string {
  const path = decodeURIComponent(url.pathname).slice(base.length - 1);
  const file = join(dist, path);
  return path.endsWith('/') || statSync(file).isDirectory() ? join(file, 'index.html') : file;
}

/** What else to do with the page while it is open, so one load serves several checks (everyPage.test.ts). */
export interface WeighOptions {
  /** Record console errors, failed and off-origin requests (tests/support/browser.ts), aborting the latter. */
  watch?: boolean;
  /** Runs on the open page, once it is quiet, before its context closes (e.g. an accessibility scan). */
  inspect?: (tab: Page) => Promise<void>;
}

/** Opens `page` (a path under `base`) in a fresh 1280×900 context and weighs what it loaded. */
export async function weighPage(browser: Browser, dist: string, origin: string, page: string, base = '/', options: WeighOptions = {}): Promise<PageWeight & { problems?: PageProblems }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const urls = new Set<string>();
  const tab = await context.newPage();
  // Routing every request turns Chromium's caches off for this context (Playwright disables them when it
  // intercepts). Without it, Blink's in-memory cache, shared by pages of one origin in the same renderer, serves
  // fonts and scripts a previous page loaded without any request, and the weights depend on page order.
  // watchPage routes every request too (passing same-origin ones on), so either way nothing comes from a cache.
  const problems = options.watch ? await watchPage(tab, origin + base) : undefined;
  if (!problems) await context.route('**/*', (route) => route.continue());
  // Playwright's 'networkidle' was seen to resolve with requests still in flight (fonts, module scripts), so the
  // page counts as open only once every request it issued has finished and none followed for QUIET_MS.
  const pending = new Set<unknown>();
  let lastActivity = Date.now();
  context.on('request', (request) => { pending.add(request); lastActivity = Date.now(); });
  context.on('requestfailed', (request) => { pending.delete(request); lastActivity = Date.now(); });
  // Context-level: requests of dedicated Web Workers (the engine) are reported here as well as the page's own.
  context.on('requestfinished', (request) => {
    pending.delete(request);
    lastActivity = Date.now();
    // The favicon is fetched whenever the browser gets to it and then kept for the whole site; it is not the page's.
    if (request.url().startsWith(origin) && !request.url().endsWith('/favicon.svg')) urls.add(request.url());
  });
  await tab.goto(origin + base + page.slice(1), { waitUntil: 'load' });
  if (page.startsWith('/slides/')) await tab.waitForSelector('html[data-deck-ready]');
  if (page.endsWith('/handout/')) await tab.waitForSelector('html[data-paged]');
  await tab.evaluate(() => document.fonts.ready.then(() => undefined));
  // On a busy machine a module can still be compiling when the network goes quiet and only then import the next
  // chunk, so quiet network is confirmed by an idle main thread with no request issued meanwhile.
  const deadline = Date.now() + 60_000;
  for (;;) {
    while (pending.size > 0 || Date.now() - lastActivity < QUIET_MS) {
      if (Date.now() > deadline) throw new Error(`${page}: requests still pending after 60 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const before = lastActivity;
    await tab.evaluate(() => new Promise<void>((r) => requestIdleCallback(() => r(), { timeout: 10_000 })));
    await new Promise((r) => setTimeout(r, QUIET_MS));
    if (pending.size === 0 && lastActivity === before) break;
  }
  const loaded = [...urls].sort(); // before inspect: what it does is not the page's weight
  try {
    if (options.inspect) await options.inspect(tab);
  } finally {
    await context.close();
  }

  const weight: PageWeight = { page, gzip: { html: 0, css: 0, js: 0, total: 0 }, raw: { total: 0, fonts: 0, other: 0 }, files: [] };
  for (const href of loaded) {
    const url = new URL(href);
    const file = fileFor(dist, url, base);
    const bytes = readFileSync(file);
    const k = kind(file);
    const zipped = k === 'html' || k === 'css' || k === 'js' ? gz(bytes) : 0;
    if (k === 'html' || k === 'css' || k === 'js') { weight.gzip[k] += zipped; weight.gzip.total += zipped; }
    else if (k === 'font') weight.raw.fonts += bytes.length;
    else weight.raw.other += bytes.length;
    weight.raw.total += bytes.length;
    weight.files.push({ url: url.pathname, raw: bytes.length, gzip: zipped });
  }
  return problems ? { ...weight, problems } : weight;
}

const kib = (n: number) => `${(n / KiB).toFixed(1)}`.padStart(7);

/** A plain-text table of weights against the budgets, in KiB. */
export function weightTable(weights: PageWeight[]): string {
  const width = Math.max(4, ...weights.map((w) => w.page.length));
  const head = `${'page'.padEnd(width)}    HTML     CSS      JS  gzip Σ  budget |  raw Σ  fonts  other`;
  const rows = weights.map((w) => {
    const over = w.gzip.total > gzipBudget(w.page) || w.raw.total > RAW_BUDGET;
    return `${w.page.padEnd(width)} ${kib(w.gzip.html)} ${kib(w.gzip.css)} ${kib(w.gzip.js)} ${kib(w.gzip.total)} ${kib(gzipBudget(w.page))} | ${kib(w.raw.total)} ${kib(w.raw.fonts)} ${kib(w.raw.other)}${over ? '  OVER BUDGET' : ''}`;
  });
  return [head, ...rows].join('\n');
}

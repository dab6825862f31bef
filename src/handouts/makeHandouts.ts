/**
 * `npm run handouts [-- --dist <folder>] [-- --only <text>]`: prints every handout of a built site into `<dist>/handouts/` with
 * headless Debian Chromium — each deck's slides, notes handout and compact handout, the readings packet, and
 * each exercise set's problems and solutions sheets (names: handoutFiles.ts). Serves the build under its own
 * base path on 127.0.0.1, as the tests do. Prints a line per file written; a failure names the page it was
 * printing and exits non-zero. `--only emergence` prints just the files whose names contain "emergence";
 * `--out <folder>` writes them there instead.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { serveStatic } from './staticServer.ts';
import { builtBase } from './builtBase.ts';
import { launchChromium } from './launchChromium.ts';
import { deckHandouts, exerciseHandouts, HANDOUTS_DIR, readingsPacket } from './handoutFiles.ts';
import { printDeck } from './printDeck.ts';
import { pageErrors, printPdf, settle } from './printPdf.ts';
import { readingsPacketHtml } from './readingsPacket.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, only: { type: 'string' }, out: { type: 'string' } } });
const wanted = (files: string[]) => values.only === undefined || files.some((f) => f.includes(values.only!));
const dist = resolve(values.dist!);
if (!existsSync(join(dist, 'index.html'))) fail(`no built site in ${dist}: run "npm run build" first`);
// --out writes elsewhere (a test compares two printings); the site links <dist>/handouts/.
const out = values.out ? resolve(values.out) : join(dist, HANDOUTS_DIR);
mkdirSync(out, { recursive: true });

/** The folders under `<dist>/<section>/` that hold `<inner>/index.html`: the decks, readings or exercise sets built. */
const built = (section: string, inner = '') =>
  !existsSync(join(dist, section)) ? [] : readdirSync(join(dist, section)).filter((d) => statSync(join(dist, section, d)).isDirectory() && existsSync(join(dist, section, d, inner, 'index.html'))).sort();

function fail(message: string): never {
  console.error(`handouts: ${message}`);
  process.exit(1);
}

const base = builtBase(dist);
const { server, origin } = await serveStatic(dist, 0, base);
const site = origin + base.replace(/\/$/, '');
const started = Date.now();
let browser: Browser | undefined;
let written = 0;

/** Runs one printing job on a fresh page; any script error on that page fails the job, naming the page. */
async function job(path: string, files: string[], work: (page: import('playwright-core').Page, url: string) => Promise<string>): Promise<void> {
  if (!wanted(files)) return;
  console.log(`handouts: printing ${files.join(', ')} from ${base}${path.slice(1)}`);
  const page = await browser!.newPage();
  page.setDefaultTimeout(120_000);
  const errors = pageErrors(page);
  const url = site + path;
  try {
    const detail = await work(page, url);
    if (errors.length > 0) throw new Error(`the page reported errors: ${errors.join('; ')}`);
    for (const f of files) console.log(`handouts: wrote ${relative(process.cwd(), join(out, f))}${detail ? ` (${detail})` : ''}`);
    written += files.length;
  } catch (error) {
    const reported = errors.length > 0 && !(error as Error).message.includes(errors[0]) ? `; the page reported: ${errors.join('; ')}` : '';
    fail(`failed printing ${base}${path.slice(1)} (for ${files.join(', ')}): ${(error as Error).message}${reported}`);
  } finally {
    await page.close();
  }
}

try {
  browser = await launchChromium();
  for (const deck of built('slides')) {
    const h = deckHandouts(deck);
    await job(`/slides/${deck}/`, [h.slides.file, h.notes.file, h.compact.file], async (page, url) => {
      const slides = await printDeck(page, url, { slides: join(out, h.slides.file), notes: join(out, h.notes.file), compact: join(out, h.compact.file) }, base);
      return `${slides} slides`;
    });
  }

  const readings = built('readings', 'handout').map((slug) => ({ slug, html: readFileSync(join(dist, 'readings', slug, 'handout', 'index.html'), 'utf8') }));
  await job(`/${HANDOUTS_DIR}/readings-packet.html`, [readingsPacket.file], async (page, url) => {
    // The packet is assembled here, not published: it is served to this page alone, under the site's base so
    // that its stylesheets and fonts resolve as on the handout pages.
    const html = readingsPacketHtml(readings);
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(url);
    await page.waitForSelector('html[data-paged]', { timeout: 600_000 });
    await settle(page);
    await printPdf(page, join(out, readingsPacket.file), base);
    return `${readings.length} readings, ${await page.locator('.pagedjs_page').count()} pages`;
  });

  for (const set of built('exercises', 'print')) {
    const h = exerciseHandouts(set);
    for (const [variant, file] of [['print', h.problems.file], ['solutions', h.solutions.file]] as const) {
      await job(`/exercises/${set}/${variant}/`, [file], async (page, url) => {
        // Print media from the start: the page lays out (and its figures stay as built) as it will print.
        await page.emulateMedia({ media: 'print' });
        await page.goto(url);
        await settle(page);
        await printPdf(page, join(out, file), base);
        return '';
      });
    }
  }
} finally {
  await browser?.close();
  server.close();
}
console.log(`handouts: ${written} PDFs in ${relative(process.cwd(), out)} in ${((Date.now() - started) / 1000).toFixed(0)} s`);

/**
 * Page weight of every built page, measured in Chromium the way tests/e2e/everyPage.test.ts checks it
 * (definition and budgets in tests/support/pageWeight.ts): gzip -9 of the HTML, CSS and JavaScript a page
 * loads on open, and the raw bytes it loads, fonts included. Run after `npm run build`: `npm run bench:weight`
 * (a scratch build: `npm run bench:weight -- /tmp/me/dist`; `--files` lists every file each page loads).
 * Exits 1 when a page is over budget.
 */
import { resolve } from 'node:path';
import { launchBrowser } from '../tests/support/browser.ts';
import { builtPages } from '../tests/support/builtPages.ts';
import { serveStatic } from '../src/handouts/staticServer.ts';
import { RAW_BUDGET, gzipBudget, weighPage, weightTable, type PageWeight } from '../tests/support/pageWeight.ts';

const args = process.argv.slice(2);
const dist = resolve(args.find((a) => !a.startsWith('--')) ?? process.env.COURSE_DIST ?? 'dist');
const listFiles = args.includes('--files');

const { server, origin } = await serveStatic(dist);
const browser = await launchBrowser();
const weights: PageWeight[] = [];
try {
  for (const page of builtPages(dist)) weights.push(await weighPage(browser, dist, origin, page));
} finally {
  await browser.close();
  server.close();
}

console.log('KiB; gzip -9 of HTML+CSS+JS loaded on open, and raw bytes loaded on open (fonts, data, wasm included)');
console.log(weightTable(weights));
if (listFiles) {
  for (const w of weights) {
    console.log(`\n${w.page}`);
    for (const f of [...w.files].sort((a, b) => b.raw - a.raw)) console.log(`  ${(f.raw / 1024).toFixed(1).padStart(8)} raw ${(f.gzip / 1024).toFixed(1).padStart(7)} gz  ${f.url}`);
  }
}
const over = weights.filter((w) => w.gzip.total > gzipBudget(w.page) || w.raw.total > RAW_BUDGET);
if (over.length > 0) {
  console.error(`${over.length} page(s) over budget: ${over.map((w) => w.page).join(', ')}`);
  process.exit(1);
}

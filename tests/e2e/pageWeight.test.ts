import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { builtPages } from '../support/builtPages.ts';
import { RAW_BUDGET, gzipBudget, weighPage } from '../support/pageWeight.ts';

const origin = inject('origin');
const dist = inject('dist');
const pages = builtPages(dist);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * Budgets not met yet, each with where its bytes are (issue 13 §2). Such a page is still measured, and its test
 * fails once the page comes within budget, so that this list only ever shrinks.
 */
const KATEX_HTML = "KaTeX's HTML for every formula (its nested spans are most of the page's raw bytes; gzip shrinks them tenfold)";
const KNOWN_OVER: Record<string, { gzip?: string; raw?: string }> = {
  '/slides/emergence/': { raw: `1.5 MiB: 1.3 MiB of HTML, mostly ${KATEX_HTML}, the speaker notes' MathML and the build-time figures` },
  '/slides/implicit-regularization/': { raw: `1.5 MiB: 1.3 MiB of HTML, mostly ${KATEX_HTML} and the speaker notes' MathML` },
  '/exercises/implicit-regularization-set-1/solutions/': { raw: `1.8 MiB: 1.7 MiB of HTML, ${KATEX_HTML} in eight worked solutions` },
  '/exercises/grokking-lazy-rich/solutions/': { raw: `1.6 MiB: 1.5 MiB of HTML, ${KATEX_HTML} in seven worked solutions` },
  '/readings/saxe-2014/handout/': { raw: `1.05 MiB: Paged.js (490 KiB minified) and 430 KiB of HTML, mostly ${KATEX_HTML}` },
  '/readings/kunin-2024/handout/': { raw: `1.2 MiB: Paged.js (490 KiB minified) and 600 KiB of HTML, mostly ${KATEX_HTML} (the longest reading)` },
};

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('page weight on open (gzip of HTML+CSS+JS; raw bytes, fonts included)', () => {
  for (const page of pages) {
    const known = KNOWN_OVER[page] ?? {};
    it(`${page} stays within its budgets${known.gzip || known.raw ? ' (except the known overrun named in KNOWN_OVER)' : ''}`, async () => {
      const w = await weighPage(browser, dist, origin, page);
      const gzipOk = w.gzip.total <= gzipBudget(page);
      const rawOk = w.raw.total <= RAW_BUDGET;
      const files = 'npm run bench:weight -- --files lists what it loads';
      if (known.gzip) expect(gzipOk, `${page} is within its gzip budget now (${kib(w.gzip.total)}): take it out of KNOWN_OVER`).toBe(false);
      else expect(gzipOk, `${page}: ${kib(w.gzip.total)} gzip, over ${kib(gzipBudget(page))} (HTML ${kib(w.gzip.html)}, CSS ${kib(w.gzip.css)}, JS ${kib(w.gzip.js)}); ${files}`).toBe(true);
      if (known.raw) expect(rawOk, `${page} is within the raw budget now (${kib(w.raw.total)}): take it out of KNOWN_OVER`).toBe(false);
      else expect(rawOk, `${page}: ${kib(w.raw.total)} raw, over ${kib(RAW_BUDGET)}; ${files}`).toBe(true);
    });
  }
});

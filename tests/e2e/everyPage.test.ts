import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchPage } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';
import { builtPages } from '../support/builtPages.ts';
import { weighPage } from '../support/pageWeight.ts';
import { KNOWN_OVER, expectWithinBudgets } from '../support/pageBudgets.ts';

const origin = inject('origin');
const dist = inject('dist');
const pages = builtPages(dist);
// Decks are also read on phones, as one scrolling page (src/islands/deckReader.ts); that view must be as clean
// as the presenting one.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const cases = pages.filter((p) => p.startsWith('/slides/')).map((url) => ({ url, on: 'a phone', device: PHONE }));

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('every built page', () => {
  it('includes the home page, both decks, the readings and the exercises', () => {
    expect(pages).toContain('/');
    expect(pages.filter((p) => p.startsWith('/slides/')).length).toBeGreaterThanOrEqual(1);
    expect(pages).toContain('/readings/');
    expect(pages).toContain('/exercises/');
  });

  // On a laptop the one load also weighs the page (page weight on open: gzip of HTML+CSS+JS, raw bytes with
  // fonts; definition and budgets in tests/support/pageWeight.ts, known overruns in tests/support/pageBudgets.ts).
  // A reading's handout gets these checks in reading.test.ts, in the load that lays it out on paper.
  for (const url of pages.filter((p) => !/^\/readings\/[^/]+\/handout\/$/.test(p))) {
    const known = KNOWN_OVER[url];
    it(`${url} on a laptop loads with no console error, no failed or off-origin request, no WCAG 2.1 A/AA violation, and within its page-weight budgets${known ? ' (except the known overrun named in KNOWN_OVER)' : ''}`, async () => {
      let violations: string[] = [];
      const w = await weighPage(browser, dist, origin, url, '/', { watch: true, inspect: async (tab) => { violations = await axeViolations(tab); } });
      expect(w.problems!.consoleErrors).toEqual([]);
      expect(w.problems!.failedRequests).toEqual([]);
      expect(w.problems!.offOrigin).toEqual([]);
      expect(violations).toEqual([]);
      expectWithinBudgets(w);
    });
  }

  for (const { url, on, device } of cases) {
    it(`${url} on ${on} loads with no console error, no failed or off-origin request, and no WCAG 2.1 A/AA violation`, async () => {
      const context = await browser.newContext(device);
      const page = await context.newPage();
      const problems = await watchPage(page, origin);
      await page.goto(origin + url, { waitUntil: 'networkidle' });
      if (url.startsWith('/slides/')) await page.waitForSelector('html[data-deck-ready]');
      if (url.endsWith('/handout/')) await page.waitForSelector('html[data-paged]');
      const violations = await axeViolations(page);
      await context.close();
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
      expect(problems.offOrigin).toEqual([]);
      expect(violations).toEqual([]);
    });
  }
});

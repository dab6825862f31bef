import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchPage } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';
import { builtPages } from '../support/builtPages.ts';

const origin = inject('origin');
const pages = builtPages(inject('dist'));
// Decks are also read as a scrolling page; that view must be as clean as the presenting one.
const urls = [...pages, ...pages.filter((p) => p.startsWith('/slides/')).map((p) => `${p}?view=scroll`)];

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

  for (const url of urls) {
    it(`${url} loads with no console error, no failed or off-origin request, and no WCAG 2.1 A/AA violation`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
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

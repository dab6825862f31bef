import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchPage } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';
import { builtPages } from '../support/builtPages.ts';

const origin = inject('origin');
const pages = builtPages(inject('dist'));
// Decks are also read on phones, as one scrolling page (src/islands/deckReader.ts); that view must be as clean
// as the presenting one.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const LAPTOP = { viewport: { width: 1280, height: 900 } };
const cases = [...pages.map((url) => ({ url, on: 'a laptop', device: LAPTOP })), ...pages.filter((p) => p.startsWith('/slides/')).map((url) => ({ url, on: 'a phone', device: PHONE }))];

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

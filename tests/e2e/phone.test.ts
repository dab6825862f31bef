import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchPage } from '../support/browser.ts';
import { builtPages } from '../support/builtPages.ts';

/**
 * Issue 11 on a 390-px phone: decks open as a scrolling reader at the slide a deep link names, with reading-size
 * text; every figure stacks its panels so that no text in it is under 11 CSS px; no page scrolls sideways.
 * (Display mathematics on the other pages is held by narrow.test.ts.)
 */

const site = inject('site');
const dist = inject('dist');
const pages = builtPages(dist);
const decks = pages.filter((p) => p.startsWith('/slides/'));
const html = (url: string) => readFileSync(join(dist, url, 'index.html'), 'utf8');
/** Pages a reader opens on a phone that show live figures (handouts are paginated for print, not phones). */
const figurePages = pages.filter((p) => !/\/(print|handout)\/$/.test(p) && html(p).includes('<dyn-figure'));
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

async function openPhone(url: string): Promise<{ page: Page; problems: Awaited<ReturnType<typeof watchPage>> }> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const problems = await watchPage(page, site);
  await page.goto(site + url);
  return { page, problems };
}

/** Slide ids of a deck, in order, from its built HTML. */
function slideIds(url: string): string[] {
  return [...html(url).matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
}

describe.each(decks)('deck %s on a phone', (url) => {
  it('opens as a scrolling reader at the slide a deep link names, with reading-size text and no sideways scroll', async () => {
    const ids = slideIds(url);
    expect(ids.length).toBeGreaterThan(10);
    const { page, problems } = await openPhone(`${url}#/${ids[Math.floor(ids.length * 0.6)]}`);
    await page.waitForSelector('html[data-deck-ready]');
    expect(await page.evaluate(() => document.documentElement.classList.contains('deck-reader'))).toBe(true);
    for (const id of [ids[Math.floor(ids.length * 0.6)], ids[Math.floor(ids.length * 0.3)], ids.at(-2)!]) {
      if (!page.url().endsWith(`#/${id}`)) await page.evaluate((h) => { location.hash = h; }, `#/${id}`);
      // Figures above the slide stack their panels as they hydrate; the slide must stay where the link put it.
      await page.waitForTimeout(1200);
      const top = await page.evaluate((i) => [...document.querySelectorAll('.slides section[id]')].find((s) => s.id === i)!.getBoundingClientRect().top, id);
      expect(Math.abs(top), `#/${id} lands ${top.toFixed(0)} px from the top`).toBeLessThan(40);
    }
    const layout = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      text: Math.min(...[...document.querySelectorAll('.slides section p, .slides section li')].slice(0, 200).map((e) => parseFloat(getComputedStyle(e).fontSize))),
      notesShown: [...document.querySelectorAll('aside.notes')].some((n) => (n as HTMLElement).offsetHeight > 0),
      // A displayed equation fits, or scrolls in its own focusable box with the edge-shadow cue (math.css).
      mathWithoutCue: [...document.querySelectorAll<HTMLElement>('.slides .katex-display')]
        .filter((m) => m.scrollWidth > m.clientWidth + 1 && !(m.tabIndex === 0 && getComputedStyle(m).backgroundImage.includes('gradient')))
        .map((m) => m.textContent?.slice(0, 40)),
    }));
    expect(layout.mathWithoutCue).toEqual([]);
    expect(layout.width).toBeLessThanOrEqual(390);
    expect(layout.text).toBeGreaterThanOrEqual(14);
    expect(layout.notesShown).toBe(false);
    expect(problems.consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe.each(figurePages)('figures on %s on a phone', (url) => {
  it('stack their panels, so every label in them is at least 11 CSS px, and stay inside the screen', async () => {
    const { page, problems } = await openPhone(url);
    await page.waitForLoadState('load');
    if (url.startsWith('/slides/')) await page.waitForSelector('html[data-deck-ready]');
    const count = await page.locator('dyn-figure').count();
    const small: string[] = [];
    for (let k = 0; k < count; k++) {
      const figure = page.locator('dyn-figure').nth(k);
      await figure.scrollIntoViewIfNeeded();
      await expect.poll(() => figure.evaluate((f) => {
        const svg = f.querySelector('svg.figure-svg')!;
        return svg.querySelectorAll('[data-plot-area]').length < 2 || svg.getAttribute('data-layout') === 'stacked';
      }), { timeout: 30_000, message: `figure ${k} on ${url} never stacked its panels` }).toBe(true);
      const found = await figure.evaluate((f) => {
        const out: string[] = [];
        const box = f.getBoundingClientRect();
        if (box.right > innerWidth + 1) out.push(`${(f as HTMLElement).dataset.name} reaches x = ${box.right.toFixed(0)} px`);
        for (const t of f.querySelectorAll<SVGTextElement>('svg.figure-svg text')) {
          if (!(t.textContent ?? '').trim() || t.closest('[aria-hidden="true"]') || t.getAttribute('aria-hidden') === 'true') continue;
          const m = t.getScreenCTM();
          if (!m) continue;
          const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
          if (size < 11 - 0.05) out.push(`${(f as HTMLElement).dataset.name}: "${(t.textContent ?? '').slice(0, 30)}" at ${size.toFixed(1)} px`);
        }
        return out;
      });
      small.push(...found);
    }
    expect(small).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(problems.consoleErrors).toEqual([]);
    await page.context().close();
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchPage } from '../support/browser.ts';
import { builtPages } from '../support/builtPages.ts';
import { pagePath } from '../support/testSite.ts';

const site = inject('site');
const base = inject('base');
const decks = builtPages(inject('dist')).filter((p) => /^\/slides\/[^/]+\/$/.test(p));

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

async function openDeck(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await watchPage(page, site);
  await page.goto(site + url);
  await page.waitForSelector('html[data-deck-ready]');
  return page;
}

/** The deck's front-matter date, read from its source file. */
function frontmatterDate(deck: string): string {
  const file = [`slides/${deck}/index.mdx`, `slides/${deck}.mdx`].find(existsSync)!;
  return /^date:\s*(\d{4}-\d{2}-\d{2})/m.exec(readFileSync(file, 'utf8'))![1];
}

describe.each(decks)('deck %s', (url) => {
  const deck = url.split('/')[2];

  it('shows the course name, the front-matter date and links to its printed handouts on its title slide', async () => {
    const page = await openDeck(url);
    const iso = frontmatterDate(deck);
    const text = new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const first = page.locator('.reveal .slides section[id]').first();
    const meta = first.locator('.deck-meta:not(.deck-handouts)');
    await expect.poll(() => meta.isVisible()).toBe(true);
    expect(await meta.textContent()).toContain('Training Dynamics');
    expect(await meta.textContent()).toContain(text);
    expect(await meta.locator('time').getAttribute('datetime')).toBe(iso);
    // And the deck's three printed handouts, which npm run handouts wrote into the build.
    const pdfs = await first.locator('.deck-handouts a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(pdfs.map((h) => h.split('/').pop())).toEqual([`${deck}-slides.pdf`, `${deck}-notes.pdf`, `${deck}-compact.pdf`]);
    for (const href of pdfs) {
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
      expect(response.headers()['content-type']).toBe('application/pdf');
    }
    await page.context().close();
  });

  it('shows every fragment in the overview (Esc), so slides built from steps are not blank cards', async () => {
    const page = await openDeck(url);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.deck!.isOverview())).toBe(true);
    const hidden = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.reveal .slides section .fragment')]
        .filter((f) => { const s = getComputedStyle(f); return s.visibility !== 'visible' || Number(s.opacity) < 1; })
        .map((f) => f.closest('section[id]')?.id));
    expect(hidden).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.deck!.isOverview())).toBe(false);
    await page.context().close();
  });

  it('keeps the speaker view\'s "Upcoming" label and "Layout" selector off the upcoming slide', async () => {
    const page = await openDeck(url);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await popup.waitForSelector('#course-speaker-view-style', { state: 'attached', timeout: 30_000 });
    const boxes = await popup.evaluate(() => {
      const r = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      return { frame: r('#upcoming-slide iframe'), label: r('#upcoming-slide .label'), layout: r('#speaker-layout') };
    });
    expect(boxes.label.bottom).toBeLessThanOrEqual(boxes.frame.top);
    expect(boxes.layout.bottom).toBeLessThanOrEqual(boxes.frame.top);
    await page.context().close();
  });

  it('links every reference on its references slides to arXiv, doi.org or the work\'s page', async () => {
    const page = await openDeck(url);
    const entries = await page.evaluate(() =>
      [...document.querySelectorAll('.bibliography-slide .csl-entry')].map((e) => {
        const clone = e.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('a').forEach((a) => a.remove());
        return { id: e.id, hrefs: [...e.querySelectorAll('a')].map((a) => a.href), unlinked: clone.textContent ?? '' };
      }));
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.hrefs.length, `${e.id} has no link`).toBeGreaterThan(0);
      expect(e.unlinked, `${e.id} prints an address that is not a link`).not.toMatch(/https?:\/\/|arXiv:\d/);
    }
    expect(entries.flatMap((e) => e.hrefs).some((h) => h.startsWith('https://arxiv.org/abs/'))).toBe(true);
    await page.context().close();
  });
});

describe('site navigation', () => {
  it('names each deck by its title, as the deck page does', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}/readings/`);
    const links = await page.locator(`nav[aria-label="Site"] a[href^="${base}slides/"]`).evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent!.trim() })));
    expect(links.map((l) => pagePath(l.href, base)).sort()).toEqual([...decks].sort());
    for (const l of links) {
      expect(l.text).not.toMatch(/^Lecture \d/);
      await page.goto(site + pagePath(l.href, base));
      expect(await page.title()).toContain(l.text);
    }
    await page.close();
  });
});

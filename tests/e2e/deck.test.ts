import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchPage } from '../support/browser.ts';
import { builtPages } from '../support/builtPages.ts';

const site = inject('site');
const decks = builtPages(inject('dist')).filter((p) => p.startsWith('/slides/'));

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

async function openDeck(url: string): Promise<{ page: Page; problems: Awaited<ReturnType<typeof watchPage>> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = await watchPage(page, site);
  await page.goto(site + url);
  await page.waitForSelector('html[data-deck-ready]');
  return { page, problems };
}

describe.each(decks)('deck %s', (url) => {
  it('steps through every slide and fragment with the keyboard, drawing every figure, without console errors', async () => {
    const { page, problems } = await openDeck(url);
    const total = await page.evaluate(() => window.deck!.getTotalSlides());
    const seen = new Set<string>();
    for (let step = 0; step < 500; step++) {
      const state = await page.evaluate(() => {
        const d = window.deck!;
        const slide = d.getCurrentSlide();
        return { key: `${d.getIndices().h}.${d.getIndices().v}`, last: d.isLastSlide() && !d.availableFragments().next, figures: [...slide.querySelectorAll('dyn-figure')].map((f) => (f as HTMLElement).dataset.ready ?? 'no') };
      });
      seen.add(state.key);
      // A figure computes when its slide is first shown: it must become ready there.
      if (!state.figures.every((r) => r === 'true')) {
        await expect.poll(() => page.evaluate(() => [...window.deck!.getCurrentSlide().querySelectorAll('dyn-figure')].every((f) => (f as HTMLElement).dataset.ready === 'true')), { timeout: 60_000, message: `figures on slide ${state.key} never became ready` }).toBe(true);
      }
      if (state.last) break;
      await page.keyboard.press('Space');
    }
    expect(seen.size).toBe(total);
    expect(problems.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('draws every figure on its slide from the engine, and recomputes it when a slider moves by keyboard', async () => {
    const { page, problems } = await openDeck(url);
    const where = await page.evaluate(() => window.deck!.getSlides().flatMap((s) =>
      [...s.querySelectorAll('dyn-figure')].map((f, k) => ({ ...window.deck!.getIndices(s), k, name: (f as HTMLElement).dataset.name! }))));
    for (const { h, v, k, name } of where) {
      await page.evaluate(([hh, vv]) => window.deck!.slide(hh, vv, Number.MAX_SAFE_INTEGER), [h, v ?? 0] as const);
      const figure = page.locator('.present dyn-figure').nth(k);
      await expect.poll(() => figure.getAttribute('data-ready'), { timeout: 30_000, message: `${name} never became ready` }).toBe('true');
      // Fully drawn once its animation ends: plot paths, a text alternative with numbers, no NaN anywhere.
      await expect.poll(() => figure.locator('svg.figure-svg line.cursor').count(), { timeout: 10_000 }).toBe(0);
      const drawn = await figure.evaluate((f) => ({ paths: f.querySelectorAll('svg.figure-svg g.plot path').length, desc: f.querySelector('svg.figure-svg desc')?.textContent ?? '', svg: f.querySelector('svg.figure-svg')!.outerHTML }));
      expect(drawn.paths, `${name}: plot paths`).toBeGreaterThan(2);
      expect(drawn.desc, `${name}: description`).toMatch(/\d/);
      expect(drawn.svg.includes('NaN'), `${name}: NaN in the SVG`).toBe(false);
      const slider = figure.locator('input[type=range]').first();
      if (await slider.count() === 0) continue;
      const atMax = await slider.evaluate((i) => (i as HTMLInputElement).value === (i as HTMLInputElement).max);
      await slider.focus();
      await slider.press(atMax ? 'ArrowLeft' : 'ArrowRight');
      await expect.poll(() => figure.locator('svg.figure-svg desc').textContent(), { timeout: 30_000, message: `${name} did not recompute` }).not.toBe(drawn.desc);
      expect(await page.evaluate(() => window.deck!.getIndices()), `${name}: the slider key must not move the deck`).toMatchObject({ h });
    }
    expect(problems.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('fits every slide, with all its fragments shown, inside the 960×700 slide frame', async () => {
    const { page } = await openDeck(url);
    const overflowing = await page.evaluate(async () => {
      const d = window.deck!;
      const out: string[] = [];
      for (const slide of d.getSlides()) {
        const { h, v } = d.getIndices(slide);
        d.slide(h, v, Number.MAX_SAFE_INTEGER);
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const limit = d.getConfig().height as number;
        if (slide.scrollHeight > limit + 1) out.push(`#${slide.id}: ${slide.scrollHeight}px > ${limit}px`);
      }
      return out;
    });
    expect(overflowing).toEqual([]);
    await page.context().close();
  });

  // The speaker view shows notes' math as MathML, and Chromium (MathML Core) ignores every mathvariant but
  // "normal": a bold u or a calligraphic L written that way would show as a plain u or L.
  it('gives every slide speaker notes and a stable id, and writes the notes\' math in forms the speaker view renders', async () => {
    const { page } = await openDeck(url);
    const slides = await page.evaluate(() => window.deck!.getSlides().map((s) => ({
      id: s.id,
      notes: s.querySelector('aside.notes')?.textContent?.trim().length ?? 0,
      bib: s.classList.contains('bibliography-slide'),
      ignored: [...s.querySelectorAll('aside.notes [mathvariant]')].map((e) => `<${e.tagName} mathvariant="${e.getAttribute('mathvariant')}">${e.textContent}`).filter((t) => !t.includes('"normal"')),
    })));
    for (const s of slides) {
      expect(s.id).toMatch(/^[a-z0-9-]+$/);
      if (!s.bib) expect(s.notes, `slide #${s.id} has no speaker notes`).toBeGreaterThan(0);
      expect(s.ignored, `slide #${s.id}: notes math in a mathvariant MathML Core ignores`).toEqual([]);
    }
    await page.context().close();
  });

  it('opens a deep link, the overview (Esc) and the scroll view', async () => {
    const { page } = await openDeck(url);
    const ids = await page.evaluate(() => window.deck!.getSlides().map((s) => s.id));
    const target = ids[Math.min(1, ids.length - 1)];
    await page.goto(`${site}${url}#/${target}`);
    await page.reload();
    await page.waitForSelector('html[data-deck-ready]');
    expect(await page.evaluate(() => window.deck!.getCurrentSlide().id)).toBe(target);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.deck!.isOverview())).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.deck!.isOverview())).toBe(false);
    await page.goto(`${site}${url}?view=scroll`);
    await page.waitForSelector('html[data-deck-ready]');
    expect(await page.evaluate(() => window.deck!.isScrollView())).toBe(true);
    await page.context().close();
  });

  it('opens the speaker view with notes, timer and next slide, and follows the deck', async () => {
    const { page } = await openDeck(url);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await popup.waitForFunction(() => {
      const status = document.querySelector('#connection-status') as HTMLElement | null;
      return status !== null && getComputedStyle(status).display === 'none';
    }, undefined, { timeout: 30_000 });
    expect(await popup.locator('.speaker-controls-time').count()).toBe(1);
    expect(await popup.locator('#upcoming-slide iframe').count()).toBe(1);
    const firstNotes = await popup.locator('.speaker-controls-notes').innerText();
    expect(firstNotes.trim().length).toBeGreaterThan(0);
    const before = await popup.locator('.speaker-controls-notes').textContent();
    await page.bringToFront();
    await page.evaluate(() => window.deck!.slide(1));
    await popup.waitForFunction((b) => document.querySelector('.speaker-controls-notes')?.textContent !== b, before);
    await page.context().close();
  });

  it('prints with ?print-pdf to one page per slide, every fragment shown, numbered as the deck numbers its slides', async () => {
    const { page } = await openDeck(url);
    const live = await page.evaluate(() => window.deck!.getSlides().map((s) => {
      const i = window.deck!.getIndices(s);
      window.deck!.slide(i.h, i.v);
      return (document.querySelector('.reveal .slide-number')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    }));
    await page.goto(`${site}${url}?print-pdf`);
    await page.waitForSelector('html[data-pdf-ready]', { timeout: 60_000 });
    // One sheet per slide (the PDF npm run handouts makes of this view is counted in handouts.test.ts).
    expect(await page.locator('.reveal .slides .pdf-page').count()).toBe(live.length);
    const printed = await page.evaluate(() => [...document.querySelectorAll('.pdf-page .slide-number-pdf')].map((n) => (n.textContent ?? '').trim()));
    expect(printed).toEqual(live);
    // The final state of each slide: no fragment left hidden (a fade-out fragment is gone at the end, as live).
    expect(await page.locator('.pdf-page .fragment:not(.fade-out):not(.visible)').count()).toBe(0);
    // On paper a figure's caption also gives its values and live link: it still ends inside the 700 px slide.
    await page.emulateMedia({ media: 'print' });
    const overflowing = await page.evaluate(() => [...document.querySelectorAll('.pdf-page section figcaption')]
      .map((c) => ({ id: c.closest('section')!.id, bottom: c.getBoundingClientRect().bottom - c.closest('section')!.getBoundingClientRect().top }))
      .filter((c) => c.bottom > 700));
    expect(overflowing).toEqual([]);
    await page.emulateMedia({ media: 'screen' });
    const statics = await page.evaluate(() => [...document.querySelectorAll('dyn-figure svg')].every((s) => s.querySelector('path') !== null));
    expect(statics).toBe(true);
    await page.context().close();
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, watchPage, type PageProblems } from '../support/browser.ts';

/**
 * A figure's slider values live in the page URL (src/islands/figureState.ts) and follow between the windows
 * that show one page (src/islands/figureSync.ts), as the audience window and the speaker view do.
 */
const site = inject('site');
const DECK = '/slides/implicit-regularization/';
const READING = '/readings/saxe-2014/';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** The id of the first slide of the deck that holds a figure with a slider, read from the running deck. */
async function figureSlide(page: Page): Promise<string> {
  await page.goto(site + DECK);
  await page.waitForSelector('html[data-deck-ready]');
  const id = await page.evaluate(() => window.deck!.getSlides().find((s) => s.querySelector('dyn-figure input[type=range]'))?.id);
  expect(id, `no slide of ${DECK} holds a figure with a slider`).toBeTruthy();
  return id!;
}

/** What the figure shows once it has computed and finished animating: its sliders, text alternative and plot. */
async function settled(figure: Locator): Promise<{ values: string[]; desc: string; plot: string }> {
  await expect.poll(() => figure.getAttribute('data-ready'), { timeout: 60_000 }).toBe('true');
  // No computation under way (aria-busy) and no animation drawing frames (data-playing, dynFigure.ts).
  await expect.poll(() => figure.evaluate((f) => f.hasAttribute('aria-busy') || f.hasAttribute('data-playing')), { timeout: 60_000 }).toBe(false);
  return figure.evaluate((f) => ({
    values: [...f.querySelectorAll<HTMLInputElement>('input[type=range]')].map((i) => i.value),
    desc: f.querySelector('svg.figure-svg desc')?.textContent ?? '',
    plot: [...f.querySelectorAll('svg.figure-svg g.plot')].map((g) => g.innerHTML).join(''),
  }));
}

async function openWatched(context: BrowserContext, url: string): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  const problems = await watchPage(page, site);
  await page.goto(url);
  return { page, problems };
}

describe('figure state', () => {
  it('is written to the URL as a slider moves by keyboard (the deck stays, the slider shows a focus ring), without a history entry, and a deck opened at that URL shows the figure exactly as it was left', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await openWatched(context, site + DECK);
    const id = await figureSlide(page);
    await page.goto(`${site}${DECK}#/${id}`);
    await page.waitForSelector('html[data-deck-ready]');
    const figure = page.locator('.present dyn-figure').first();
    const before = await settled(figure);
    const history = await page.evaluate(() => window.history.length);
    const slider = figure.locator('input[type=range]').first();
    await slider.focus();
    const atMax = await slider.evaluate((i) => (i as HTMLInputElement).value === (i as HTMLInputElement).max);
    await slider.press(atMax ? 'ArrowLeft' : 'ArrowRight');
    await slider.press(atMax ? 'ArrowLeft' : 'ArrowRight');
    const moved = await settled(figure);
    expect(moved.values).not.toEqual(before.values);
    expect(moved.desc).not.toBe(before.desc);
    // The slider kept the keyboard (the deck did not move) and shows it with a ring of at least 2 px.
    expect(await page.evaluate(() => window.deck!.getCurrentSlide().id)).toBe(id);
    const ring = await slider.evaluate((i) => ({ focused: i.matches(':focus-visible'), style: getComputedStyle(i).outlineStyle, width: parseFloat(getComputedStyle(i).outlineWidth) }));
    expect(ring).toMatchObject({ focused: true, style: 'solid' });
    expect(ring.width).toBeGreaterThanOrEqual(2);
    const name = await figure.getAttribute('data-name');
    await expect.poll(() => page.url(), { timeout: 5_000 }).toContain(`fig.${name}=`);
    const url = page.url();
    expect(url).toContain(`#/${id}`);
    expect(await page.evaluate(() => window.history.length)).toBe(history);

    // Printed now, the caption would say what the figure shows and link it in this state, at this slide; the
    // on-screen hints to move the sliders stay off paper.
    const shown = await figure.locator('output').first().textContent();
    const printed = await figure.evaluate((f) => {
      const line = f.closest('figure')!.querySelector<HTMLElement>('.figure-print-state')!;
      return { text: line.textContent ?? '', href: line.querySelector('a')!.href };
    });
    expect(printed.text).toContain(`: ${shown}`);
    expect(printed.href).toContain(`fig.${name}=`);
    expect(printed.href).toContain(`#/${id}`);
    await page.emulateMedia({ media: 'print' });
    expect(await figure.evaluate((f) => getComputedStyle(f.closest('figure')!.querySelector('.figure-print-state')!).display)).toBe('inline');
    await page.emulateMedia({ media: 'screen' });

    const { page: reopened, problems: reopenedProblems } = await openWatched(context, url);
    await reopened.waitForSelector('html[data-deck-ready]');
    expect(await reopened.evaluate(() => window.deck!.getCurrentSlide().id)).toBe(id);
    expect(await settled(reopened.locator('.present dyn-figure').first())).toEqual(moved);
    for (const p of [problems, reopenedProblems]) {
      expect(p.consoleErrors).toEqual([]);
      // A request the browser drops because the test navigated on (a late favicon) is not the site's fault.
      expect(p.failedRequests.filter((f) => !f.endsWith('(net::ERR_ABORTED)'))).toEqual([]);
    }
    await context.close();
  });

  it('is restored in a reading from the URL as well', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await openWatched(context, site + READING);
    const figure = page.locator('dyn-figure:has(input[type=range])').first();
    await figure.scrollIntoViewIfNeeded();
    await settled(figure);
    const slider = figure.locator('input[type=range]').first();
    await slider.focus();
    const atMax = await slider.evaluate((i) => (i as HTMLInputElement).value === (i as HTMLInputElement).max);
    await slider.press(atMax ? 'ArrowLeft' : 'ArrowRight');
    const moved = await settled(figure);
    await expect.poll(() => page.url(), { timeout: 5_000 }).toContain('fig.');
    const reopened = await context.newPage();
    await reopened.goto(page.url());
    const again = reopened.locator('dyn-figure:has(input[type=range])').first();
    await again.scrollIntoViewIfNeeded();
    expect(await settled(again)).toEqual(moved);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('follows, in a second window of the same deck, a slider moved in the first and back, and Replay pressed from the keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page: audience } = await openWatched(context, site + DECK);
    const id = await figureSlide(audience);
    const url = `${site}${DECK}#/${id}`;
    await audience.goto(url);
    const { page: presenter, problems } = await openWatched(context, url);
    for (const p of [audience, presenter]) await p.waitForSelector('html[data-deck-ready]');
    const a = audience.locator('.present dyn-figure').first();
    const b = presenter.locator('.present dyn-figure').first();
    await settled(a);
    await settled(b);
    const move = async (page: Page, figure: Locator, key: string) => {
      const slider = figure.locator('input[type=range]').first();
      await slider.focus();
      await page.keyboard.press(key);
      return settled(figure);
    };
    const atMax = await a.locator('input[type=range]').first().evaluate((i) => (i as HTMLInputElement).value === (i as HTMLInputElement).max);
    const moved = await move(audience, a, atMax ? 'ArrowLeft' : 'ArrowRight');
    await expect.poll(async () => (await settled(b)).values, { timeout: 30_000 }).toEqual(moved.values);
    expect(await settled(b)).toEqual(moved);
    const back = await move(presenter, b, atMax ? 'ArrowRight' : 'ArrowLeft');
    await expect.poll(async () => (await settled(a)).values, { timeout: 30_000 }).toEqual(back.values);

    // Replay, pressed with the space bar in one window, replays the figure in the other and leaves both decks
    // on their slide.
    const final = await settled(a);
    await b.locator('button.figure-play').focus();
    await presenter.keyboard.press(' ');
    await expect.poll(() => a.getAttribute('data-playing'), { timeout: 10_000, interval: 20, message: 'the other window did not replay' }).toBe('true');
    expect(await settled(a)).toEqual(final);
    for (const p of [audience, presenter]) expect(await p.evaluate(() => window.deck!.getCurrentSlide().id)).toBe(id);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
});

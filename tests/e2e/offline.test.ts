import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';

/**
 * A lecture hall without network: every request that leaves the site's origin is refused, and the lecturer still
 * opens the deck, presents it, opens the speaker view and runs a live figure; a student still runs a reading's.
 */
const site = inject('site');
const origin = inject('origin');
const DECK = '/slides/emergence/';
const READING = '/readings/saxe-2014/';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** A context in which nothing outside the origin answers; what was tried, and every error, is recorded. */
async function offline(): Promise<{ context: BrowserContext; refused: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const refused: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    refused.push(url);
    return route.abort('internetdisconnected');
  });
  context.on('page', (page) => {
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`); });
  });
  return { context, refused, errors };
}

/** Moves a figure's first slider one step and waits for the new drawing; returns the text alternative before and after. */
async function moveSlider(figure: Locator): Promise<[string, string]> {
  const desc = () => figure.evaluate((f) => f.querySelector('svg.figure-svg desc')?.textContent ?? '');
  const idle = () => expect.poll(() => figure.evaluate((f) => f.dataset.ready === 'true' && !f.hasAttribute('aria-busy') && !f.hasAttribute('data-playing')), { timeout: 60_000 }).toBe(true);
  await idle();
  const before = await desc();
  const slider = figure.locator('input[type=range]').first();
  await slider.focus();
  const atMax = await slider.evaluate((i) => (i as HTMLInputElement).value === (i as HTMLInputElement).max);
  await slider.press(atMax ? 'ArrowLeft' : 'ArrowRight');
  await idle();
  return [before, await desc()];
}

describe('offline', () => {
  it('presents a deck: opens it, steps through slides, opens the speaker view with notes and runs a live figure', async () => {
    const { context, refused, errors } = await offline();
    const page = await context.newPage();
    await page.goto(site + DECK);
    await page.waitForSelector('html[data-deck-ready]');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => window.deck!.getIndices().h)).toBe(1);
    const id = await page.evaluate(() => window.deck!.getSlides().find((s) => s.querySelector('dyn-figure input[type=range]'))?.id);
    expect(id, `${DECK} has a figure with a slider`).toBeTruthy();
    await page.evaluate((slide) => { const d = window.deck!; const i = d.getIndices(document.getElementById(slide)!); d.slide(i.h, i.v); }, id!);
    const [before, after] = await moveSlider(page.locator('.present dyn-figure').first());
    expect(after).not.toBe(before);

    // The deck's keys, not the slider's: S opens the speaker view.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const [speaker] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await speaker.waitForSelector('.speaker-controls-notes', { timeout: 60_000 });
    await expect.poll(() => speaker.locator('.speaker-controls-notes').innerText(), { timeout: 30_000 }).not.toBe('');
    // The speaker view's preview frames load the deck too, from the same origin.
    await expect.poll(() => speaker.frames().filter((f) => f.url().includes('receiver')).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs a reading and its live figure', async () => {
    const { context, refused, errors } = await offline();
    const page = await context.newPage();
    await page.goto(site + READING);
    const figure = page.locator('dyn-figure:has(input[type=range])').first();
    await figure.scrollIntoViewIfNeeded();
    const [before, after] = await moveSlider(figure);
    expect(after).not.toBe(before);
    // Mathematics is set in its own fonts, served by the site.
    expect(await page.evaluate(() => [...document.fonts].some((f) => f.family.includes('KaTeX') && f.status === 'loaded'))).toBe(true);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

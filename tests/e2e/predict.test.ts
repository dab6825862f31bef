import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchPage } from '../support/browser.ts';

const site = inject('site');
const url = '/exercises/implicit-regularization-set-1/';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('predict, then run', () => {
  it('unlocks the check only after a number is typed, runs the engine from the keyboard and shows value, error and verdict', async () => {
    const page = await browser.newPage();
    const problems = await watchPage(page, site);
    await page.goto(site + url);
    const box = page.locator('predict-check[data-check="mode-half-time"]').first();
    await page.waitForSelector('predict-check[data-ready]');
    const input = box.getByLabel('Your predicted half-time of the mode s = 1');
    const button = box.getByRole('button', { name: 'Check with the engine' });
    expect(await button.isDisabled()).toBe(true);
    expect(await box.locator('.predict-result').getAttribute('aria-live')).toBe('polite');

    await input.focus();
    await page.keyboard.type('abc');
    expect(await button.isDisabled()).toBe(true);
    await input.fill('');
    await page.keyboard.type('3.4');
    expect(await button.isDisabled()).toBe(false);
    await page.keyboard.press('Tab');
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');

    await expect.poll(() => box.getAttribute('data-state'), { timeout: 20_000 }).toBe('within');
    const text = await box.locator('.predict-result').innerText();
    expect(text).toContain('Within tolerance.');
    expect(text).toContain('Engine: t½ = 3.453.');
    expect(text).toMatch(/differs from it by 1\.5 %, inside the 5 % tolerance/);
    expect(text).toContain('1.334 (s = 3), 1.900 (s = 2), 3.453 (s = 1)');

    // A revised prediction is judged against the same measurement; Enter in the input submits.
    await input.fill('6.9');
    await input.press('Enter');
    await expect.poll(() => box.getAttribute('data-state')).toBe('outside');
    expect(await box.locator('.predict-result').innerText()).toContain('Outside tolerance.');
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });

  it('finds the largest stable learning rate of GD on the xy toy by bisection', async () => {
    const page = await browser.newPage();
    await page.goto(site + url);
    const box = page.locator('predict-check[data-check="xy-max-stable-eta"]');
    await page.waitForSelector('predict-check[data-ready]');
    await box.getByLabel('Your predicted largest stable learning rate η').fill('0.235');
    await box.getByRole('button', { name: 'Check with the engine' }).press('Enter');
    await expect.poll(() => box.getAttribute('data-state'), { timeout: 20_000 }).toBe('within');
    const text = await box.locator('.predict-result').innerText();
    const value = Number(/η\* = (\d+\.\d+)/.exec(text)?.[1]);
    expect(Math.abs(value / (4 / 17) - 1)).toBeLessThan(1e-3);
    await page.close();
  });

  it('prints the question with a blank box and no button or result', async () => {
    const page = await browser.newPage();
    for (const path of [url, `${url}print/`]) {
      await page.goto(site + path);
      await page.emulateMedia({ media: 'print' });
      const box = page.locator('.predict').first();
      expect(await box.locator('.predict-question').isVisible()).toBe(true);
      expect(await box.locator('input').isVisible()).toBe(true);
      expect(await box.locator('input').inputValue()).toBe('');
      expect(await box.locator('button').isVisible()).toBe(false);
      expect(await box.locator('.predict-result').isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
    }
    await page.close();
  });

  it('carries no ids inside the boxes', async () => {
    const page = await browser.newPage();
    await page.goto(site + url);
    expect(await page.locator('.predict [id]').count()).toBe(0);
    await page.close();
  });
});

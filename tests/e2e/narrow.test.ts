import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { builtPages } from '../support/builtPages.ts';
import { axeViolations } from '../support/axe.ts';

/**
 * Pages and mathematics fit a phone (390 px) and a laptop (1280 px). Decks are excluded: they have their own
 * phone reader. So are the readings' handouts: Paged.js lays them out as fixed A4 pages, not as a web page.
 */
const site = inject('site');
const pages = builtPages(inject('dist')).filter((p) => !p.startsWith('/slides/') && !p.endsWith('/handout/'));
const viewports = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
];

interface Equation { tex: string; scrollWidth: number; clientWidth: number; widestPiece: number; cue: boolean; focusable: boolean }
interface Measure { docWidth: number; viewport: number; pageScrolls: boolean; cutOff: string[]; equations: Equation[]; inlineOut: string[]; unreachable: string[] }

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** Measures what must fit, in the page (self-contained: Playwright serialises it into the page). */
const measure = async (): Promise<Measure> => {
  // Folded solutions and answers count: a reader opens them. KaTeX fonts must be in before measuring.
  for (const d of document.querySelectorAll('details')) d.open = true;
  // An exercise page's folds fetch their worked solutions when opened (src/islands/solutionFolds.ts).
  for (let waited = 0; document.querySelector('details.solution[data-solutions]:not([data-filled="true"])') && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  await document.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const vw = document.documentElement.clientWidth;
  // scrollWidth only means something if the page itself is allowed to scroll sideways: content cut off by
  // overflow: hidden or clip would pass it unseen, so anything past the right edge must sit in a scroller.
  const cutOff: string[] = [];
  for (const el of document.querySelectorAll('body *')) {
    // Figures clip their own marks, KaTeX its stretchy glyphs (wide SVGs in .hide-tail): both on purpose.
    if ((el.closest('svg') && el.tagName.toLowerCase() !== 'svg') || el.closest('.katex')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= vw + 1) continue;
    let a = el.parentElement;
    while (a && a !== document.body && getComputedStyle(a).overflowX === 'visible') a = a.parentElement;
    if (!a || a === document.body) continue; // reaches the page itself: measured by scrollWidth below
    const o = getComputedStyle(a).overflowX;
    if (o === 'auto' || o === 'scroll') continue; // reachable by scrolling that box
    cutOff.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} clipped by ${a.tagName.toLowerCase()}.${a.getAttribute('class') ?? ''}`);
  }
  // Equations the screen shows (the print-only endnotes repeat some, hidden on screen).
  const shown = [...document.querySelectorAll<HTMLElement>('.katex-display')].filter((d) => d.getClientRects().length > 0);
  const equations = shown.map((d) => {
    const s = getComputedStyle(d);
    // The pieces the layout may not break: KaTeX's boxes, or the chunks rehypeBreakableMath groups them in.
    const pieces = d.querySelectorAll('.katex-html > .base, .math-chunk');
    return {
      tex: (d.querySelector('.katex-mathml')?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 120),
      scrollWidth: d.scrollWidth,
      clientWidth: d.clientWidth,
      widestPiece: Math.max(0, ...[...pieces].map((p) => p.scrollWidth)),
      // The cue: a scroller with a thin visible scrollbar and shadows (gradients scrolled with the content)
      // at the edge that hides more.
      cue: (s.overflowX === 'auto' || s.overflowX === 'scroll') && s.scrollbarWidth === 'thin' && /gradient/.test(s.backgroundImage) && /local/.test(s.backgroundAttachment),
      // In the tab order and rendered. (Checking document.activeElement after focus() was flaky in CI: an
      // island hydrating on the page can take focus between the two calls.)
      focusable: d.tabIndex === 0 && d.getClientRects().length > 0,
    };
  });
  // An inline formula must stay inside the text column it sits in (it may break after its operators).
  const blockOf = (e: Element) => { let a = e.parentElement; while (a && getComputedStyle(a).display.startsWith('inline')) a = a.parentElement; return a; };
  const inlineOut = [...document.querySelectorAll('.katex')].filter((k) => !k.closest('.katex-display') && k.getClientRects().length > 0).flatMap((k) => {
    const b = blockOf(k);
    if (!b) return [];
    const edge = b.getBoundingClientRect().right - parseFloat(getComputedStyle(b).paddingRight);
    const right = Math.max(...[...k.querySelectorAll('.katex-html .base')].map((x) => x.getBoundingClientRect().right));
    return right > edge + 1 ? [`${Math.round(right - edge)} px past its column: ${(k.querySelector('.katex-mathml')?.textContent ?? '').slice(0, 120)}`] : [];
  });
  // Whatever scrolls sideways (a wide table, the notation tables) must be reachable from the keyboard.
  const unreachable = [...document.querySelectorAll<HTMLElement>('main *')].filter((e) => {
    const o = getComputedStyle(e).overflowX;
    return (o === 'auto' || o === 'scroll') && e.scrollWidth > e.clientWidth + 1 && e.tabIndex < 0 && !e.querySelector('a[href], button, input, select, textarea, [tabindex]');
  }).map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''}`);
  const html = getComputedStyle(document.documentElement).overflowX;
  const body = getComputedStyle(document.body).overflowX;
  return { docWidth: document.documentElement.scrollWidth, viewport: vw, pageScrolls: html === 'visible' && body === 'visible', cutOff: cutOff.slice(0, 10), equations, inlineOut, unreachable };
};

describe('pages and equations fit narrow and wide screens', () => {
  it('covers the home page, the indexes, readings, exercises with both handouts, notation and search', () => {
    for (const p of ['/', '/readings/', '/exercises/', '/notation/', '/search/', '/readings/saxe-2014/', '/exercises/implicit-regularization-set-1/solutions/', '/exercises/scalar-landscape/print/']) {
      expect(pages).toContain(p);
    }
  });

  // One load per page, measured at each width in turn: a resize re-lays the page out exactly as a fresh load
  // at that width would (and a page that cannot follow a resize, as when a phone turns, is a bug too).
  for (const url of pages) {
    it(`${url} at ${viewports.map((v) => v.width).join(' and ')} px`, async () => {
      const context = await browser.newContext({ viewport: viewports[0] });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(site + url, { waitUntil: 'networkidle' });
      for (const viewport of viewports) {
        await page.setViewportSize(viewport);
        const m: Measure = await page.evaluate(measure);
        const at = `at ${viewport.width} px`;
        // everyPage.test.ts runs axe at 1280 px; scrollers only appear on a phone, so check them here too
        // (with folded solutions open): a scroller the keyboard cannot reach, or a focusable one without a name.
        const violations = viewport.width < 1280 ? await axeViolations(page) : [];
        expect(violations, at).toEqual([]);
        expect(m.pageScrolls, `${at}: html and body must not hide sideways overflow`).toBe(true);
        expect(m.cutOff, at).toEqual([]);
        expect(m.docWidth, `${at}: document wider than the viewport`).toBeLessThanOrEqual(m.viewport);
        expect(m.inlineOut, at).toEqual([]);
        expect(m.unreachable, `${at}: sideways scrollers the keyboard cannot reach`).toEqual([]);
        const overflowing = m.equations.filter((e) => e.scrollWidth > e.clientWidth + 1);
        if (viewport.width >= 1280) {
          expect(overflowing.map((e) => `${e.scrollWidth}/${e.clientWidth} px: ${e.tex}`), at).toEqual([]);
        }
        // An equation scrolls only if one piece it cannot break is itself wider than the column; anything else wraps.
        expect(overflowing.filter((e) => e.widestPiece <= e.clientWidth + 1).map((e) => `${e.scrollWidth}/${e.clientWidth} px could wrap: ${e.tex}`), at).toEqual([]);
        expect(overflowing.filter((e) => !e.cue || !e.focusable).map((e) => `${e.scrollWidth}/${e.clientWidth} px without a visible, focusable scroll cue: ${e.tex}`), at).toEqual([]);
        // Every display equation is a keyboard stop whether or not it scrolls at this width.
        expect(m.equations.filter((e) => !e.focusable).map((e) => e.tex), at).toEqual([]);
      }
      await context.close();
    });
  }
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, watchPage, type PageProblems } from '../support/browser.ts';
import { builtPages } from '../support/builtPages.ts';
import { figures } from '../../src/figures/registry.ts';

/**
 * The figure sweep (issue 11): every figure on every built page that shows it, driven through its controls.
 *
 * Figures are discovered from the built pages (every `dyn-figure[data-name]`, one case per figure name and
 * page), so figures added later are swept without editing this file. For each control the sweep sets its
 * minimum, its maximum and RANDOM_VALUES seeded pseudo-random grid values (others left where they are, then
 * restored), clicks seeded points of the plot areas of figures that take clicks, and after every recompute asserts:
 * - no console error or page error;
 * - no NaN or ±Infinity in any SVG attribute or text;
 * - every data mark (path, line, circle, ellipse, rect, polyline, polygon) of a panel lies in that panel's plot
 *   area, the rectangle `drawAxes` writes to the panel group as `data-plot-area` (axes and `g.key`/`g.legend`
 *   keys are exempt); every text of the drawing lies inside the viewBox;
 * - labels name the values the controls show: the control values a figure says it drew (`data-drawn-params`
 *   on `g.plot`, from `plotRoot(svg, shown)`) equal the sliders, and wherever the figure's text or description
 *   writes a control's symbol as "symbol = number" (η = 0.1, s₁ = 2.0, u₀ = 10⁻³), one of those numbers is the
 *   slider's (a figure may also name reference values of the same symbol);
 * - something could be compared: a figure that neither reports `data-drawn-params` nor names a control's
 *   symbol fails, since its labels could not be checked.
 * A step-build figure in a deck is also checked on its first step (no fragment shown); a Paged.js handout, where
 * the figure is static and has no controls, only as drawn.
 *
 * Run it alone: `npm run test:figures` (after `npm run build`); FIGURE_SWEEP_RANDOM=n changes the number of
 * random values per control (default 5; see SLOW for figures with heavy live runs).
 */

const site = inject('site');
const dist = inject('dist');
const RANDOM_VALUES = Number(process.env.FIGURE_SWEEP_RANDOM ?? 5);
const CLICKS = 3;
/** Figures whose live run takes seconds (a 701-parameter MLP for thousands of steps): fewer random values. */
const SLOW: Record<string, number> = { 'edge-of-stability': 2, 'diagonal-path': 2, 'dln-saddle-to-saddle': 3, 'lazy-rich': 3, 'grokking-lazy-rich': 3, 'dmft-linear': 3, 'silent-alignment': 3 };
const SEED = 20240611;
/** viewBox units of slack for marks drawn exactly on the frame (antialiasing, rounding to 0.01). */
const TOLERANCE = 1.5;

interface Case { page: string; name: string }

/** One case per (page, figure name), read from the built HTML. */
function discover(): Case[] {
  const out: Case[] = [];
  for (const page of builtPages(dist)) {
    const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
    const names = new Set([...html.matchAll(/<dyn-figure\b[^>]*\bdata-name="([^"]+)"/g)].map((m) => m[1]));
    for (const name of names) out.push({ page, name });
  }
  return out;
}

/** mulberry32: the sweep's values are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, SEED);

interface Slider { name: string; min: number; max: number; step: number; value: number; label: string; output: string }

/** What the page-side check reports: problems as readable sentences. */
interface Report { problems: string[]; labelsChecked: number }

/**
 * Runs inside the page on one <dyn-figure>: the geometric, numeric and label checks. Self-contained (it is
 * serialised into the page), so it repeats the small parsers it needs.
 */
function checkFigure(fig: Element, tolerance: number): Report {
  const problems: string[] = [];
  const svg = fig.querySelector('svg.figure-svg') as SVGSVGElement | null;
  if (!svg) return { problems: ['no svg.figure-svg'], labelsChecked: 0 };

  // 1. No NaN/Infinity in any attribute or text.
  for (const el of [svg, ...svg.querySelectorAll('*')]) {
    for (const a of [...el.attributes]) if (/NaN|Infinity/.test(a.value)) problems.push(`<${el.tagName}> ${a.name}="${a.value.slice(0, 60)}"`);
    if (el.children.length === 0 && /\bNaN\b|Infinity/.test(el.textContent ?? '')) problems.push(`<${el.tagName}> text "${(el.textContent ?? '').slice(0, 60)}"`);
  }

  // 2. Marks inside their plot area, in viewBox coordinates through the elements' own transforms.
  const rootInv = svg.getScreenCTM()?.inverse();
  const toViewBox = (el: SVGGraphicsElement, x: number, y: number): [number, number] => {
    const m = el.getScreenCTM();
    if (!m || !rootInv) return [x, y];
    const p = new DOMPoint(x, y).matrixTransform(m).matrixTransform(rootInv);
    return [p.x, p.y];
  };
  const panels = [...svg.querySelectorAll<SVGGElement>('[data-plot-area]')];
  if (panels.length === 0) problems.push('no panel is tagged with data-plot-area (draw panels with drawAxes)');
  const describeEl = (el: Element) => {
    const cls = el.getAttribute('class');
    return `<${el.tagName}${cls ? `.${cls.split(' ').join('.')}` : ''}>`;
  };
  for (const g of panels) {
    const [ax0, ay0, ax1, ay1] = (g.getAttribute('data-plot-area') ?? '').split(' ').map(Number);
    const [x0, y0] = toViewBox(g, ax0, ay0);
    const [x1, y1] = toViewBox(g, ax1, ay1);
    const inside = ([x, y]: [number, number]) =>
      x >= Math.min(x0, x1) - tolerance && x <= Math.max(x0, x1) + tolerance && y >= Math.min(y0, y1) - tolerance && y <= Math.max(y0, y1) + tolerance;
    for (const el of g.querySelectorAll<SVGGraphicsElement>('path, line, circle, ellipse, rect, polyline, polygon')) {
      if (el.closest('.axes, .key, .legend')) continue;
      if (el.tagName === 'path' && !(el.getAttribute('d') ?? '').trim()) continue;
      let points: [number, number][];
      if (el.tagName === 'circle' || el.tagName === 'ellipse') {
        // A marker may sit on the frame: its centre must be inside.
        const c = el as SVGCircleElement;
        points = [toViewBox(el, c.cx.baseVal.value, c.cy.baseVal.value)];
      } else {
        const b = el.getBBox();
        points = [toViewBox(el, b.x, b.y), toViewBox(el, b.x + b.width, b.y), toViewBox(el, b.x, b.y + b.height), toViewBox(el, b.x + b.width, b.y + b.height)];
      }
      const out = points.find((p) => !inside(p));
      if (out) problems.push(`${describeEl(el)} reaches (${out[0].toFixed(1)}, ${out[1].toFixed(1)}) outside its plot area [${x0}, ${x1}]×[${y0}, ${y1}]`);
    }
  }
  const vb = svg.viewBox.baseVal;
  for (const t of svg.querySelectorAll<SVGTextElement>('g.plot text')) {
    if (!(t.textContent ?? '').trim()) continue;
    const b = t.getBBox();
    const corners = [toViewBox(t, b.x, b.y), toViewBox(t, b.x + b.width, b.y + b.height)];
    const out = corners.find(([x, y]) => x < vb.x - 2 || x > vb.x + vb.width + 2 || y < vb.y - 2 || y > vb.y + vb.height + 2);
    if (out) problems.push(`text "${(t.textContent ?? '').slice(0, 50)}" reaches (${out[0].toFixed(0)}, ${out[1].toFixed(0)}), outside the viewBox ${vb.width}×${vb.height}`);
  }

  // 3. Labels name the values the controls show. A reading's handout is paper only and has no controls: its
  //    drawing is the build-time one, whose values the caption prints.
  const sliders = [...fig.querySelectorAll<HTMLInputElement>('input[type=range][name]')];
  if (sliders.length === 0 && document.documentElement.hasAttribute('data-handout')) return { problems, labelsChecked: 0 };
  const outputText = (i: HTMLInputElement) => i.parentElement?.querySelector('output')?.textContent?.trim() ?? '';
  let labelsChecked = 0;
  const drawn = svg.querySelector('g.plot')?.getAttribute('data-drawn-params');
  if (drawn) {
    const shown = JSON.parse(drawn) as Record<string, number>;
    for (const [k, v] of Object.entries(shown)) {
      const input = sliders.find((i) => i.name === k);
      if (!input) { problems.push(`data-drawn-params names "${k}", which is not a control`); continue; }
      const step = Number(input.step) || 0;
      labelsChecked++;
      if (!(Math.abs(v - Number(input.value)) <= step / 2 + 1e-9 * Math.max(1, Math.abs(v)))) problems.push(`drew ${k} = ${v} while its slider is at ${input.value}`);
    }
  }
  const sup: Record<string, string> = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '·': '.' };
  // Powers of ten first: "10⁻³" must not be read as "10".
  const NUMBER = String.raw`10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹·]+|[−-]?\d*\.?\d+(?:e[−+-]?\d+)?(?:\s*×\s*10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹·]+)?`;
  /** A displayed number and half a unit in its last place (how far a correct rounding can be off). */
  const parse = (text: string): { v: number; tol: number } | null => {
    const s = text.replace(/−/g, '-').trim();
    const pow = s.match(/^10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹·]+)$/);
    if (pow) { const e = Number([...pow[1]].map((c) => sup[c]).join('')); return { v: 10 ** e, tol: 10 ** e * 1e-9 }; }
    const m = s.match(/^(-?\d*\.?\d+)(?:e([+-]?\d+))?(?:\s*×\s*10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹·]+))?$/);
    if (!m) return null;
    const decimals = (m[1].split('.')[1] ?? '').length;
    const e = (m[2] ? Number(m[2]) : 0) + (m[3] ? Number([...m[3]].map((c) => sup[c]).join('')) : 0);
    return { v: Number(m[1]) * 10 ** e, tol: 0.5 * 10 ** (e - decimals) };
  };
  /** What a slider's <output> shows, as a number ("0.10", "10⁻³", or "α = 1" as some figures format it). */
  const shownValue = (i: HTMLInputElement) => parse(outputText(i).split('=').pop() ?? '');
  const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');
  texts.push(svg.querySelector('desc')?.textContent ?? '');
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const input of sliders) {
    const label = fig.querySelector(`input[name="${input.name}"]`)?.closest('label')?.querySelector('.figure-control-label')?.textContent ?? '';
    const symbol = label.replace(/\([^)]*\)/g, ' ').trim().split(/\s+/).pop() ?? '';
    // A symbol: one Latin letter with sub/superscripts, or any word with a non-ASCII letter (η, σ₀, Lₐₙₛ).
    if (!/^(?:[A-Za-z][₀-₉ₐ-ₜ⁰-⁹]*|[\p{L}\p{N}₀-₉ₐ-ₜ]*[^\x00-\x7F][\p{L}\p{N}₀-₉ₐ-ₜ]*)$/u.test(symbol)) continue;
    const want = shownValue(input) ?? { v: Number(input.value), tol: (Number(input.step) || 0) / 2 };
    const re = new RegExp(`(?:^|[\\s(,;:])${escape(symbol)}\\s*=\\s*(${NUMBER})`, 'gu');
    // A figure may also name other values of the symbol (reference curves, a transition point); at least one
    // "symbol = value" it writes must be the slider's.
    const named: string[] = [];
    let matched = false;
    for (const text of texts) {
      for (const m of text.matchAll(re)) {
        const got = parse(m[1]);
        if (!got) continue;
        named.push(m[1]);
        if (Math.abs(got.v - want.v) <= got.tol + want.tol + 1e-12 * Math.abs(want.v)) matched = true;
      }
    }
    if (named.length === 0) continue;
    labelsChecked++;
    if (!matched) problems.push(`the figure names ${symbol} = ${[...new Set(named)].join(', ')} but never the slider's ${outputText(input) || input.value}`);
  }
  return { problems, labelsChecked };
}

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await open?.context.close(); await browser?.close(); });

const cases = discover();

/** One open page at a time, shared by the cases of that page (decks are heavy to load). */
let open: { url: string; context: BrowserContext; page: Page; problems: PageProblems } | undefined;

async function pageFor(url: string): Promise<{ page: Page; problems: PageProblems; fresh: boolean }> {
  if (open?.url === url) return { ...open, fresh: false };
  await open?.context.close();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems = await watchPage(page, site);
  await page.goto(site + url);
  if (url.startsWith('/slides/')) await page.waitForSelector('html[data-deck-ready]');
  open = { url, context, page, problems };
  return { ...open, fresh: true };
}

async function sliders(figure: Locator): Promise<Slider[]> {
  return figure.evaluate((f) => [...f.querySelectorAll<HTMLInputElement>('input[type=range][name]')].map((i) => ({
    name: i.name, min: Number(i.min), max: Number(i.max), step: Number(i.step) || 1, value: Number(i.value),
    label: i.closest('label')?.querySelector('.figure-control-label')?.textContent ?? i.name,
    output: i.parentElement?.querySelector('output')?.textContent ?? '',
  })));
}

/** Sets a slider the way a reader's drag does (an input event), then waits for the recompute to land. */
async function setSlider(page: Page, figure: Locator, name: string, value: number): Promise<void> {
  const started = await figure.evaluate((f, [n, v]) => {
    const input = f.querySelector<HTMLInputElement>(`input[type=range][name="${n}"]`)!;
    if (input.value === String(v)) return false;
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  }, [name, value] as const);
  if (started) await settle(page, figure);
}

async function settle(page: Page, figure: Locator): Promise<void> {
  await figure.evaluate((f) => new Promise<void>((resolve, reject) => {
    const began = performance.now();
    const poll = () => {
      if (!f.hasAttribute('aria-busy')) return requestAnimationFrame(() => resolve());
      if (performance.now() - began > 60_000) return reject(new Error('recompute took over 60 s'));
      setTimeout(poll, 25);
    };
    poll();
  }));
  await page.waitForTimeout(10);
}

/** Grid values of a slider: min, max, then `n` seeded draws. */
function valuesFor(s: Slider, n: number, random: () => number): number[] {
  const steps = Math.round((s.max - s.min) / s.step);
  const draws = Array.from({ length: n }, () => Number((s.min + Math.floor(random() * (steps + 1)) * s.step).toFixed(10)));
  return [s.min, s.max, ...draws];
}

describe('the sweep\'s checks', () => {
  it('fail on a drawing with the bugs of issue 11: a stray line, NaN, a clipped label and a mode named by rank', async () => {
    const page = await browser.newPage();
    await page.setContent(`<dyn-figure data-name="mock">
      <svg class="figure-svg" viewBox="0 0 900 440" width="900" height="440"><desc>Modes s₁ = 2.0, s₂ = 1.0, s₃ = 0.2; u₀ = 10⁻³.</desc>
        <g class="plot" data-drawn-params='{"s1":2}'>
          <g data-plot-area="75 50 290 350"><g class="axes"><line x1="75" x2="290" y1="350" y2="350"></line></g>
            <path d="M100,100L2000,-300"></path><circle cx="NaN" cy="10" r="3"></circle></g>
          <text x="880" y="30" font-size="20">a label running off the right edge</text>
        </g></svg>
      <label><span class="figure-control-label">singular value s₁</span><input type="range" name="s1" min="0.2" max="4" step="0.1" value="0.2"><output>0.2</output></label>
      <label><span class="figure-control-label">initial strength log₁₀ u₀</span><input type="range" name="log10u0" min="-6" max="-1" step="0.5" value="-3"><output>10⁻³</output></label>
    </dyn-figure>`);
    const report = await page.locator('dyn-figure').evaluate(checkFigure, TOLERANCE);
    await page.close();
    const all = report.problems.join('\n');
    expect(all).toMatch(/<circle> cx="NaN"/);
    expect(all).toMatch(/<path> reaches \([\d.]+, -300\.0\) outside its plot area/);
    expect(all).toMatch(/text "a label running off the right edge" reaches/);
    expect(all).toMatch(/drew s1 = 2 while its slider is at 0\.2/);
    expect(all).toMatch(/names s₁ = 2\.0 but never the slider's 0\.2/);
    // u₀ = 10⁻³ is read as a power of ten and matches its slider.
    expect(all).not.toMatch(/u₀/);
  });
});

describe.each(cases)('figure $name on $page', ({ page: url, name }) => {
  it('draws every slider position and click inside its plot areas, finite, with labels that match the sliders', async () => {
    const { page, problems, fresh } = await pageFor(url);
    // Errors while the page loaded count against its first case.
    const errorsAtStart = fresh ? 0 : problems.consoleErrors.length;
    const failures: string[] = [];
    let labelsChecked = 0;
    const inDeck = url.startsWith('/slides/');
    const figure = page.locator(`dyn-figure[data-name="${name}"]`).first();
    await figure.waitFor({ state: 'attached' });

    // Live figures compute when first shown (their slide, or scrolled into view).
    const ready = async () => {
      await expect.poll(() => figure.getAttribute('data-ready'), { timeout: 90_000, message: `${name} never became ready on ${url}` }).toBe('true');
      await settle(page, figure);
    };
    const check = async (what: string) => {
      const errorsBefore = problems.consoleErrors.length;
      const report = await figure.evaluate(checkFigure, TOLERANCE);
      labelsChecked += report.labelsChecked;
      for (const p of report.problems) failures.push(`${what}: ${p}`);
      if (problems.consoleErrors.length > errorsBefore) failures.push(`${what}: console error ${problems.consoleErrors.slice(errorsBefore).join(' | ')}`);
    };

    if (inDeck) {
      // Its slide, first with no fragment shown (a step build's first state), then with all of them.
      const where = await figure.evaluate((f) => window.deck!.getIndices(f.closest('section') as HTMLElement));
      const steps = await figure.locator('.figure-step').count();
      if (steps > 0) {
        await page.evaluate(({ h, v }) => window.deck!.slide(h, v ?? 0, -1), where);
        await ready();
        await check('first step of its step build');
      }
      await page.evaluate(({ h, v }) => window.deck!.slide(h, v ?? 0, Number.MAX_SAFE_INTEGER), where);
      await page.waitForTimeout(50);
    } else {
      await figure.scrollIntoViewIfNeeded();
    }

    // A handout paginated by Paged.js shows the figure as printed: static, without controls. Only the drawn
    // state is checked there.
    if (await page.evaluate(() => document.documentElement.hasAttribute('data-handout'))) {
      await check('as printed');
      expect(failures.join("\n"), `${name} on ${url} (static)`).toBe("");
      expect(problems.consoleErrors.slice(errorsAtStart), `${name} on ${url}: console errors`).toEqual([]);
      return;
    }
    await ready();
    await check('as built (default)');

    const random = rng(hash(`${url} ${name}`));
    const n = Math.min(RANDOM_VALUES, SLOW[name] ?? RANDOM_VALUES);
    for (const s of await sliders(figure)) {
      for (const v of valuesFor(s, n, random)) {
        await setSlider(page, figure, s.name, v);
        await check(`${s.name} = ${v}`);
      }
      await setSlider(page, figure, s.name, s.value);
    }

    // Clicks where the figure takes them: seeded points of its plot areas.
    if (figures[name as keyof typeof figures]?.pointer) {
      const areas = await figure.evaluate((f) => [...f.querySelectorAll('svg.figure-svg [data-plot-area]')].map((g) => g.getAttribute('data-plot-area')!.split(' ').map(Number)));
      for (let k = 0; k < CLICKS * areas.length; k++) {
        const [x0, y0, x1, y1] = areas[k % areas.length];
        const target = [x0 + (0.05 + 0.9 * random()) * (x1 - x0), y0 + (0.05 + 0.9 * random()) * (y1 - y0)] as const;
        if (!inDeck) await figure.scrollIntoViewIfNeeded();
        const client = await figure.locator('svg.figure-svg').evaluate((svg: SVGSVGElement, [x, y]) => {
          const p = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM()!);
          return { x: p.x, y: p.y };
        }, target);
        await page.mouse.click(client.x, client.y);
        await settle(page, figure);
        await check(`click at viewBox (${target[0].toFixed(0)}, ${target[1].toFixed(0)})`);
      }
    }

    expect(failures.join("\n"), `${name} on ${url}`).toBe("");
    expect(problems.consoleErrors.slice(errorsAtStart), `${name} on ${url}: console errors`).toEqual([]);
    // The label check must have found something to compare: drawn params or a "symbol = value" label.
    expect(labelsChecked, `${name} on ${url}: no label could be compared with a slider`).toBeGreaterThan(0);
  });
});

import type { Page } from 'playwright-core';
import { printPdf, settle } from './printPdf.ts';

/** Where a deck's three PDFs go. */
export interface DeckPdfs { slides: string; notes: string; compact: string }

/** A4 at Chromium's 96 px per inch, less the margins the layouts below set. */
const MM = 96 / 25.4;
/** The slide's frame (1 px each side) fits inside the margins. */
const NOTES_WIDTH_PX = (210 - 2 * 14) * MM - 2;
const RULES_PER_ROW = 10;
const COMPACT_ROW_MM = 85;

/** The slide beside (above) its notes, one slide per A4 sheet; long notes run on to the next sheet. */
const NOTES_CSS = `
@page { size: A4 portrait; margin: 14mm 14mm 16mm; }
html.print-pdf, html.print-pdf body { width: auto !important; height: auto !important; background: #fff; }
html.print-pdf .reveal .slides .handout-sheet { break-after: page; }
html.print-pdf .reveal .slides .handout-slide { width: fit-content; border: 1px solid #888; }
html.print-pdf .reveal .slides .handout-sheet .pdf-page { zoom: var(--slide-zoom); break-after: auto !important; page-break-after: auto !important; }
.handout-notes { margin-top: 6mm; font: 10.5pt/1.45 system-ui, sans-serif; color: #111; text-align: left; }
.handout-notes p, .handout-notes ul, .handout-notes ol { margin: 0 0 0.6em; }
.handout-notes li { margin: 0 0 0.25em; }
.handout-notes math { font-size: 1.05em; }
.handout-no-notes { color: #555; font-style: italic; }
`;

/** Three slides per A4 sheet, each beside ruled lines to write on. */
const COMPACT_CSS = `
@page { size: A4 portrait; margin: 12mm 12mm 14mm; }
html.print-pdf, html.print-pdf body { width: auto !important; height: auto !important; background: #fff; }
html.print-pdf .reveal .slides .handout-row { display: flex; gap: 6mm; height: ${COMPACT_ROW_MM}mm; margin-bottom: 4mm; break-inside: avoid; }
html.print-pdf .reveal .slides .handout-slide { flex: none; align-self: flex-start; border: 1px solid #888; }
html.print-pdf .reveal .slides .handout-row .pdf-page { zoom: var(--slide-zoom); break-after: auto !important; page-break-after: auto !important; }
.handout-rules { flex: 1; display: flex; flex-direction: column; justify-content: space-evenly; }
.handout-rules div { border-bottom: 0.6pt solid #999; }
`;

/**
 * Writes a deck's slides, notes handout and compact handout from reveal's print view (`?print-pdf`): one page
 * per slide with every fragment shown, figures as drawn at build time (the figure island never animates there),
 * and the slide numbers the live deck shows. Returns the number of slides.
 */
export async function printDeck(page: Page, url: string, out: DeckPdfs, base: string): Promise<number> {
  const open = async () => {
    await page.goto(`${url}?print-pdf`);
    await page.waitForSelector('html[data-pdf-ready]', { timeout: 120_000 });
    await settle(page);
  };
  await open();
  const slides = await page.locator('.reveal .slides .pdf-page').count();
  await printPdf(page, out.slides, base);

  await page.evaluate(({ css, width }) => {
    const pages = [...document.querySelectorAll<HTMLElement>('.reveal .slides .pdf-page')];
    const zoom = width / pages[0].offsetWidth;
    for (const p of pages) {
      p.style.width = `${p.offsetWidth}px`;
      const sheet = document.createElement('div');
      sheet.className = 'handout-sheet';
      p.replaceWith(sheet);
      const notes = document.createElement('div');
      notes.className = 'handout-notes';
      const aside = p.querySelector('section aside.notes');
      notes.innerHTML = aside ? aside.innerHTML : '<p class="handout-no-notes">No speaker notes for this slide.</p>';
      const frame = document.createElement('div');
      frame.className = 'handout-slide';
      frame.append(p);
      sheet.append(frame, notes);
    }
    const style = document.createElement('style');
    style.textContent = css.replace('var(--slide-zoom)', String(zoom));
    document.head.append(style);
  }, { css: NOTES_CSS, width: NOTES_WIDTH_PX });
  await settle(page);
  await printPdf(page, out.notes, base);

  await open();
  await page.evaluate(({ css, height, lines }) => {
    const pages = [...document.querySelectorAll<HTMLElement>('.reveal .slides .pdf-page')];
    const zoom = height / pages[0].offsetHeight;
    for (const p of pages) {
      p.style.width = `${p.offsetWidth}px`;
      const row = document.createElement('div');
      row.className = 'handout-row';
      p.replaceWith(row);
      const rules = document.createElement('div');
      rules.className = 'handout-rules';
      rules.setAttribute('aria-hidden', 'true');
      for (let i = 0; i < lines; i++) rules.append(document.createElement('div'));
      const frame = document.createElement('div');
      frame.className = 'handout-slide';
      frame.append(p);
      row.append(frame, rules);
    }
    const style = document.createElement('style');
    style.textContent = css.replace('var(--slide-zoom)', String(zoom));
    document.head.append(style);
  }, { css: COMPACT_CSS, height: COMPACT_ROW_MM * MM - 2, lines: RULES_PER_ROW });
  await settle(page);
  await printPdf(page, out.compact, base);
  return slides;
}

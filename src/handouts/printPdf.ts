import type { Page } from 'playwright-core';

/**
 * Waits until what the page shows is what paper should get: fonts loaded and no figure mid-animation or
 * mid-computation (an island may have started on the first slide, or on a figure scrolled into view).
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForFunction(() => !document.querySelector('dyn-figure[data-playing], dyn-figure[aria-busy]'), undefined, { timeout: 120_000 });
}

/**
 * Prints the page as it is now to `path`: the page size from its CSS (@page), backgrounds (slide backgrounds,
 * ruled lines), bookmarks from its headings and a tagged (accessible) PDF. Chromium embeds the fonts it uses
 * and takes the document title from <title>. Links are first pointed at the published site (publishedLinks).
 */
export async function printPdf(page: Page, path: string, base: string): Promise<void> {
  await publishedLinks(page, base);
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
}

/** Collects the page's script errors and console errors, so that a handout is never printed from a broken page. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

/**
 * Chromium writes each link into the PDF as an absolute URL: printed from a local server, that would be
 * http://127.0.0.1:<port>/…, dead once the command ends. Every link into the site is rewritten under the
 * published address the build was made for (its canonical link: SITE_URL and the base), except a link to a place
 * on the same page, which Chromium keeps as a jump within the PDF.
 */
async function publishedLinks(page: Page, base: string): Promise<void> {
  await page.evaluate((basePath) => {
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
    if (!canonical) throw new Error('the page has no <link rel="canonical"> to take the published address from');
    const local = new URL(basePath, location.href).href;
    const published = new URL(basePath, canonical).href;
    const here = location.href.replace(/#.*$/, '');
    for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const [target, hash] = [a.href.replace(/#.*$/, ''), a.hash.slice(1)];
      if (target === here && hash && document.getElementById(decodeURIComponent(hash))) continue;
      // Elsewhere on this page (a deck's #/slide): the published page, without the print view's ?print-pdf.
      if (target === here) a.href = canonical + a.hash;
      else if (a.href.startsWith(local)) a.href = published + a.href.slice(local.length);
    }
  }, base);
}

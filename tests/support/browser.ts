import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); playwright-core never downloads a browser here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** What a page did that a reader would not want: console errors, failed requests, requests off the origin. */
export interface PageProblems { consoleErrors: string[]; failedRequests: string[]; offOrigin: string[] }

/** Records problems on a page from before its first navigation; off-origin requests are aborted, not sent. */
export async function watchPage(page: Page, origin: string): Promise<PageProblems> {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], offOrigin: [] };
  // CI shares two cores between the browser and parallel test projects: allow slow loads, fail on real hangs.
  page.setDefaultTimeout(60_000);
  page.on('console', (m) => { if (m.type() === 'error') problems.consoleErrors.push(`${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.consoleErrors.push(`${page.url()}: ${e.message}`));
  page.on('requestfailed', (r) => { if (!r.url().startsWith('data:')) problems.failedRequests.push(`${r.url()} (${r.failure()?.errorText})`); });
  page.on('response', (r) => { if (r.status() >= 400) problems.failedRequests.push(`${r.url()} → ${r.status()}`); });
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return route.continue();
    problems.offOrigin.push(url);
    return route.abort();
  });
  return problems;
}

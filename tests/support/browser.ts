import type { Page } from 'playwright-core';

export { chromiumPath, launchChromium as launchBrowser } from '../../src/handouts/launchChromium.ts';

/**
 * What a page did that a reader would not want: console errors, failed requests, and requests that leave the
 * site (`offOrigin`): to another origin, or on its own origin but outside the base path the site is served under.
 */
export interface PageProblems { consoleErrors: string[]; failedRequests: string[]; offOrigin: string[] }

/**
 * Records problems on a page from before its first navigation. `site` is where the site starts (an origin, or
 * origin + base path with no trailing slash); a request outside it is aborted, not sent, and recorded.
 */
export async function watchPage(page: Page, site: string): Promise<PageProblems> {
  const within = site.replace(/\/$/, '') + '/';
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], offOrigin: [] };
  // CI shares two cores between the browser and parallel test projects: allow slow loads, fail on real hangs.
  page.setDefaultTimeout(60_000);
  page.on('console', (m) => { if (m.type() === 'error') problems.consoleErrors.push(`${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.consoleErrors.push(`${page.url()}: ${e.message}`));
  page.on('requestfailed', (r) => { if (!r.url().startsWith('data:')) problems.failedRequests.push(`${r.url()} (${r.failure()?.errorText})`); });
  page.on('response', (r) => { if (r.status() >= 400) problems.failedRequests.push(`${r.url()} → ${r.status()}`); });
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(within) || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return route.continue();
    problems.offOrigin.push(url);
    return route.abort();
  });
  return problems;
}

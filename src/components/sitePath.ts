import { withBase } from '../authoring/deployment.ts';

/**
 * A site path as a URL under the configured base (`import.meta.env.BASE_URL`, set from BASE_PATH in
 * astro.config.mjs): `sitePath('/readings/')` is `/course/readings/` on a site built with BASE_PATH=/course/.
 * Pages, layouts and components build every internal link with it, so the site works under any prefix.
 */
export const sitePath = (path: string): string => withBase(import.meta.env.BASE_URL, path);

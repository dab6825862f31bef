/** Where `npm run preview` serves the build, and so the site URL when none is given. */
export const LOCAL_PREVIEW_URL = 'http://127.0.0.1:4321';

/** Astro's `site` (the public origin) and `base` (the path the site lives under, with both slashes). */
export interface Deployment { site: string; base: string }

/**
 * Reads where the site will be published from `SITE_URL` (e.g. `https://user.github.io`) and `BASE_PATH` (e.g.
 * `/course/`, `course` or `/~name/td`). The base is normalised to start and end with `/`: with Astro's
 * `trailingSlash: 'ignore'`, `import.meta.env.BASE_URL` is the configured base as written, and every internal URL
 * is built as `BASE_URL + 'readings/…'`, so the trailing slash must be there. Bad values fail the build here,
 * with the variable named, rather than as broken links later.
 */
export function deployment(env: Readonly<Record<string, string | undefined>>): Deployment {
  const siteText = env.SITE_URL?.trim() || LOCAL_PREVIEW_URL;
  let site: URL;
  try {
    site = new URL(siteText);
  } catch {
    throw new Error(`SITE_URL="${siteText}" is not a URL. Give the public address of the site, e.g. SITE_URL=https://user.github.io`);
  }
  if (site.protocol !== 'http:' && site.protocol !== 'https:') throw new Error(`SITE_URL="${siteText}" must be an http:// or https:// address.`);

  const baseText = env.BASE_PATH?.trim() ?? '';
  if (/[?#\\]|\/\/|(^|\/)\.\.?(\/|$)|^[a-z][a-z\d+.-]*:/i.test(baseText)) {
    throw new Error(`BASE_PATH="${baseText}" is not a path. Give the folder the site is served from, e.g. BASE_PATH=/course/ (or leave it unset for the domain root).`);
  }
  const base = `/${baseText.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  return { site: site.href.replace(/\/$/, ''), base };
}

/**
 * A site path (`/readings/saxe-2014/#intro`, as authored and as the link checker knows it) as a URL under `base`
 * (`/course/readings/saxe-2014/#intro`). Only root-relative paths are site paths: anything else is a mistake here.
 */
export function withBase(base: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error(`withBase: "${path}" is not a root-relative site path (it must start with a single "/").`);
  return `${base.replace(/\/?$/, '/')}${path.slice(1)}`;
}

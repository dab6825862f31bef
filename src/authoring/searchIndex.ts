import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pageForSearch } from './searchRecords.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'pagefind' || e.name === '_astro' ? [] : htmlFiles(path);
    return e.name.endsWith('.html') ? [path] : [];
  });
}

/** `/slides/emergence/` for `<out>/slides/emergence/index.html`, as Pagefind computes it for HTML files. */
const pageUrl = (out: string, file: string) => `/${relative(out, file).split(sep).join('/')}`.replace(/index\.html$/, '');

/**
 * Astro integration that writes the Pagefind index (`<outDir>/pagefind/`) after the build, through Pagefind's
 * documented Node API: slides and reading sections as custom records (one search result each, with its deep link),
 * the other searchable pages (`data-pagefind-body`) as HTML with their math flattened to text. See searchRecords.ts.
 * Pagefind's UI shows a record's `in` metadata ("In: Slides · Implicit regularization") under its title.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'course-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const pagefind = await import('pagefind');
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const problems: string[] = [];
        let records = 0;
        let pages = 0;
        try {
          for (const file of htmlFiles(out)) {
            const url = pageUrl(out, file);
            const page = pageForSearch(readFileSync(file, 'utf8'), url);
            for (const r of page.records) {
              const res = await index.addCustomRecord({ url: r.url, content: r.content, language: 'en', meta: { title: r.title, in: r.context } });
              problems.push(...res.errors);
              records++;
            }
            if (page.html) {
              const res = await index.addHTMLFile({ url, content: page.html });
              problems.push(...res.errors);
              pages++;
            }
          }
          const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
          problems.push(...written.errors);
        } finally {
          await pagefind.close();
        }
        if (problems.length > 0) throw new Error(`Search index: ${problems.join('; ')}`);
        logger.info(`search index: ${records} slide and section records, ${pages} pages`);
      },
    },
  };
}

/**
 * Page weight of every reading page as a reader first downloads it: HTML plus the CSS and JavaScript it links,
 * gzip -9 compressed, before any figure island (the <dyn-figure> bundle) loads. Fonts are not counted.
 * Budget: 100 kB per reading page. Run after `npm run build`: `npm run bench:weight`.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 100 * 1024;
const dist = process.argv[2] ?? 'dist';
const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const isIsland = (src: string) => /Figure\.astro/.test(src);

const rows: { page: string; html: number; css: number; js: number; island: number; total: number }[] = [];
for (const slug of readdirSync(join(dist, 'readings'))) {
  const file = join(dist, 'readings', slug, 'index.html');
  if (!existsSync(file)) continue;
  const html = readFileSync(file, 'utf8');
  const assets = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);
  const css = assets(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g).reduce((n, href) => n + gz(readFileSync(join(dist, href))), 0);
  const scripts = assets(/<script[^>]+src="([^"]+)"/g);
  const js = scripts.filter((s) => !isIsland(s)).reduce((n, src) => n + gz(readFileSync(join(dist, src))), 0);
  const island = scripts.filter(isIsland).reduce((n, src) => n + gz(readFileSync(join(dist, src))), 0);
  const h = gz(html);
  rows.push({ page: `/readings/${slug}/`, html: h, css, js, island, total: h + css + js });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
console.log('page'.padEnd(36), 'HTML', '   CSS', '    JS', '  total', '  (figure island, loaded after)');
for (const r of rows) console.log(r.page.padEnd(36), kb(r.html), kb(r.css), kb(r.js), kb(r.total), ` ${kb(r.island)}`, r.total > BUDGET ? '  OVER BUDGET' : '');
if (rows.some((r) => r.total > BUDGET)) {
  console.error(`A reading page exceeds the ${kb(BUDGET)} budget.`);
  process.exit(1);
}

// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { contentRoot } from './src/authoring/contentRoot.ts';
import { contentPipeline } from './src/authoring/contentPipeline.ts';
import { courseChecks } from './src/authoring/courseChecks.ts';
import { searchIndex } from './src/authoring/searchIndex.ts';
import { figures } from './src/figures/registry.ts';
import { deployment } from './src/authoring/deployment.ts';

// Where the site is published: SITE_URL (its public origin) and BASE_PATH (the folder it is served from, e.g.
// /course/ for a GitHub Pages project site). Unset, the build is for the domain root of the local preview.
const { site, base } = deployment(process.env);

export default defineConfig({
  site,
  base,
  // Fixture builds in tests write elsewhere so they never touch the real dist/.
  outDir: process.env.COURSE_OUT_DIR ?? './dist',
  cacheDir: process.env.COURSE_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // searchIndex runs last: it writes the Pagefind index from the finished, link-checked pages.
  integrations: [mdx(), courseChecks({ contentRoot }), searchIndex()],
  markdown: {
    // Astro 7's default processor (Sätteri) runs no remark/rehype plugins; math and checks need unified.
    // base: authored site links (`[…](/readings/…)`) are written under it (src/authoring/rehypeBaseLinks.ts).
    processor: unified(contentPipeline({ contentRoot, figures, base })),
  },
  vite: {
    server: { fs: { allow: [contentRoot, '.'] } },
    // Keep classic media-query syntax (min-width) in built CSS: Paged.js, which lays out the printable
    // handouts, cannot parse the range syntax (width >= …) that newer targets allow.
    build: {
      cssTarget: ['chrome100', 'firefox100', 'safari15'],
      rolldownOptions: {
        // Astro itself wraps every MDX collection entry in a module that starts with the directive
        // "use astro:head-inject" (astro/dist/content/vite-plugin-content-assets.js), and Rolldown warns that it
        // may not preserve module-level directives: one warning per entry, none of them about our content.
        // Known and open upstream: https://github.com/withastro/astro/issues/18087. Drop exactly that warning;
        // every other one, including other directives, still prints.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
          warn(warning);
        },
      },
    },
  },
});

import { join } from 'node:path';
import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { rehypeCitation } from './rehypeCitation.ts';
import { katexMacros } from '../content/katexMacros.ts';
import type { FigureSpec } from '../figures/FigureSpec.ts';
import { remarkDisplayMath } from './remarkDisplayMath.ts';
import { remarkSlides } from './remarkSlides.ts';
import { remarkTitleSlide } from './remarkTitleSlide.ts';
import { courseName } from '../content/course.ts';
import { remarkCollectLinks } from './remarkCollectLinks.ts';
import { remarkSlideReadings } from './remarkSlideReadings.ts';
import { remarkCheckReadingRefs } from './remarkCheckReadingRefs.ts';
import { remarkCheckFigures } from './remarkCheckFigures.ts';
import { remarkCheckCitations } from './remarkCheckCitations.ts';
import { remarkCheckPredictions } from '../predictions/remarkCheckPredictions.ts';
import { rehypeNotesMath } from './rehypeNotesMath.ts';
import { rehypeFailOnKatexError } from './rehypeFailOnKatexError.ts';
import { rehypeBibliography } from './rehypeBibliography.ts';
import { rehypeSidenotes } from './rehypeSidenotes.ts';
import { rehypeFocusableMath } from './rehypeFocusableMath.ts';
import { rehypeBreakableMath } from './rehypeBreakableMath.ts';
import { rehypeNoBreakShortMath } from './rehypeNoBreakShortMath.ts';
import { rehypeScrollableTables } from './rehypeScrollableTables.ts';
import { rehypeBaseLinks } from './rehypeBaseLinks.ts';
import { rehypeDropTexAnnotations } from './rehypeDropTexAnnotations.ts';

/**
 * The Markdown/MDX pipeline, listed once and in order. Checks run in remark, where source positions are
 * exact, so every failure names file:line; rendering runs in rehype.
 */
export function contentPipeline(options: { contentRoot: string; figures: Readonly<Record<string, FigureSpec<any>>>; base: string }): UnifiedProcessorOptions {
  const slidesDir = join(options.contentRoot, 'slides');
  const bibPath = join(options.contentRoot, 'references.bib');
  const readingsDir = join(options.contentRoot, 'readings');
  return {
    remarkPlugins: [
      remarkMath,
      remarkDisplayMath,
      [remarkTitleSlide, { slidesDir, courseName }],
      [remarkSlides, { slidesDir }],
      [remarkSlideReadings, { slidesDir, readingsDir }],
      [remarkCheckReadingRefs, { readingsDir, bibPath }],
      remarkCollectLinks,
      [remarkCheckFigures, { specs: options.figures }],
      remarkCheckPredictions,
      [remarkCheckCitations, { bibPath }],
    ],
    rehypePlugins: [
      [rehypeNotesMath, { macros: katexMacros }],
      [rehypeKatex, { macros: { ...katexMacros }, strict: 'error' }],
      rehypeFailOnKatexError,
      rehypeFocusableMath,
      rehypeBreakableMath,
      rehypeNoBreakShortMath,
      [rehypeScrollableTables, { slidesDir }],
      rehypeSidenotes,
      [rehypeCitation, { path: options.contentRoot, bibliography: 'references.bib', csl: 'apa', linkCitations: true }],
      [rehypeBibliography, { slidesDir, bibPath }],
      [rehypeBaseLinks, { base: options.base }],
      rehypeDropTexAnnotations,
    ],
  };
}

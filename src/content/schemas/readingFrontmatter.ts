import { z } from 'astro/zod';
import { objectivesField, unknownKeyMessage } from './objectivesField.ts';
import { deckIds } from '../course.ts';

/** Topics that group the readings index, in the order the index shows them. */
export const readingTopics = [
  'foundations', 'loss-landscape', 'gradient-flow', 'saddle-to-saddle', 'lazy-rich', 'edge-of-stability',
  'stochasticity', 'emergence', 'grokking', 'interpretability', 'phase-transitions', 'safety',
] as const;

const shape = {
  /** Title of the paper (not of our annotation). */
  title: z.string().min(1),
  /** The paper's authors, in order. */
  authors: z.array(z.string().min(1)).min(1, 'list the paper authors, e.g. authors: [Andrew M. Saxe, Surya Ganguli]'),
  /** Publication year. */
  year: z.number({ error: 'year must be a number such as 2014' }).int().min(1900).max(2100),
  /** Where it appeared, e.g. "ICLR 2014" or "PNAS 116(23)". */
  venue: z.string().min(1),
  /** arXiv identifier without prefix, quoted, e.g. "1312.6120". */
  arxiv: z.string().regex(/^\d{4}\.\d{4,5}(v\d+)?$/, 'arxiv must look like "1312.6120" (quote it in YAML)').optional(),
  /** DOI without the https://doi.org/ prefix. */
  doi: z.string().regex(/^10\.\S+\/\S+$/, 'doi must look like 10.1073/pnas.1820226116').optional(),
  /** Canonical URL when there is neither arXiv id nor DOI. */
  url: z.url().optional(),
  /** Key of the paper in references.bib. */
  bibkey: z.string().min(1),
  /** Learning objectives this reading serves (ids from src/content/objectives.ts). */
  objectives: objectivesField,
  /** Topic the readings index groups it under. */
  topic: z.enum(readingTopics, { error: `topic must be one of: ${readingTopics.join(', ')}` }),
  /** How much background it assumes. */
  level: z.enum(['intro', 'intermediate', 'advanced'], { error: 'level must be intro, intermediate or advanced' }),
  /** Estimated time to read the paper itself, in minutes. */
  readingTime: z.number().int().positive(),
  /** Position in the recommended reading order (1 = read first). */
  order: z.number().int().positive(),
  /** One or two sentences for the index. */
  summary: z.string().min(1),
  /** "Why read this": two or three sentences of ours shown under the header, saying what the paper gives a student. */
  why: z.string().min(80, 'why needs two or three sentences saying what a student gains from this paper'),
  /** ★: one of the essential readings, listed first on the readings page. */
  essential: z.boolean().default(false),
  /** Fast track: read this before the named lecture (deck id). Omit if it is not on the fast track. */
  before: z.enum(deckIds, { error: `before must be a deck id: ${deckIds.join(', ')}` }).optional(),
  /**
   * What to have read or seen first: reading slugs (e.g. saxe-2014) or deck slides as <deck>#<slide-id>
   * (e.g. implicit-regularization#the-selection-problem). The build fails on one that does not exist.
   */
  prerequisites: z.array(z.string().regex(/^[a-z0-9-]+(#[a-z0-9-]+)?$/, 'a prerequisite is a reading slug such as saxe-2014 or a slide as deck#slide-id')).default([]),
  /** Bib keys of papers to read together with this one (e.g. the experiment a theory paper explains). */
  companions: z.array(z.string().min(1)).default([]),
  /** Slugs of related annotated readings, listed under "Connections". */
  related: z.array(z.string().regex(/^[a-z0-9-]+$/, 'related lists reading slugs such as saxe-2014')).default([]),
};

/** Frontmatter of an annotated reading, `readings/<slug>.mdx`. */
export const readingFrontmatter = z
  .strictObject(shape, { error: unknownKeyMessage(Object.keys(shape)) })
  .refine((r) => r.arxiv || r.doi || r.url, { message: 'give the paper an arxiv id, a doi or a url so students can find it' });
export type ReadingFrontmatter = z.infer<typeof readingFrontmatter>;

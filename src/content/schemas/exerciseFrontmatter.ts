import { z } from 'astro/zod';
import { objectivesField, unknownKeyMessage } from './objectivesField.ts';

const shape = {
  /** Title of the exercise set. */
  title: z.string().min(1),
  /** Learning objectives the problems practise (ids from src/content/objectives.ts). */
  objectives: objectivesField,
  /** One or two sentences for the index. */
  summary: z.string().min(1),
  /** Expected time with pen and paper, in minutes. */
  estimatedTime: z.number().int().positive(),
  /** How much background it assumes. */
  level: z.enum(['intro', 'intermediate', 'advanced'], { error: 'level must be intro, intermediate or advanced' }),
  /** Position in the exercises index. */
  order: z.number().int().positive(),
  /**
   * `set` (default): a numbered exercise set ("Exercise set 1", "Exercise set 2", … counted over sets in `order`);
   * `warm-up`: a short unnumbered warm-up before the sets.
   */
  kind: z.enum(['set', 'warm-up'], { error: 'kind must be set or warm-up' }).default('set'),
};

/** Frontmatter of an exercise set, `exercises/<slug>.mdx`. */
export const exerciseFrontmatter = z.strictObject(shape, { error: unknownKeyMessage(Object.keys(shape)) });
export type ExerciseFrontmatter = z.infer<typeof exerciseFrontmatter>;

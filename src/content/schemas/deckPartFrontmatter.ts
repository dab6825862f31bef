import { z } from 'astro/zod';
import { objectivesField, unknownKeyMessage } from './objectivesField.ts';

const shape = {
  /** The lecture section this part holds, as the outline and the home page name it. */
  title: z.string().min(1, 'give the section a title'),
  /** Learning objectives this section teaches; the home page links each to the section's first slide. */
  objectives: objectivesField,
};

/**
 * Frontmatter of one part of a deck split into files: `slides/<deck>/<NN>-<name>.mdx`, shown in file-name
 * order after `slides/<deck>/index.mdx` (which carries the deck's own frontmatter).
 */
export const deckPartFrontmatter = z.strictObject(shape, { error: unknownKeyMessage(Object.keys(shape)) });
export type DeckPartFrontmatter = z.infer<typeof deckPartFrontmatter>;

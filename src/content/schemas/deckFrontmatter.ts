import { z } from 'astro/zod';
import { objectivesField, unknownKeyMessage } from './objectivesField.ts';

const shape = {
  /** Deck title, shown on the title slide, the page title and the home page. */
  title: z.string().min(1, 'give the deck a title'),
  /** One-line subtitle under the title. */
  subtitle: z.string().min(1).optional(),
  /** Authors as they should be credited, e.g. [Guillaume Corlouer]. */
  authors: z.array(z.string().min(1)).min(1, 'list at least one author, e.g. authors: [Ada Lovelace]'),
  /** Date of the current version, YYYY-MM-DD. */
  date: z.coerce.date({ error: 'date must be a date such as 2026-11-22' }),
  /** Learning objectives the deck teaches (ids from src/content/objectives.ts). */
  objectives: objectivesField,
  /** One sentence for search engines and link previews. */
  description: z.string().min(1).optional(),
  /** Position among the decks on the home page (1 = first lecture). */
  order: z.number().int().positive().default(1),
};

/** Frontmatter of a slide deck, `slides/<deck>.mdx`. */
export const deckFrontmatter = z.strictObject(shape, { error: unknownKeyMessage(Object.keys(shape)) });
export type DeckFrontmatter = z.infer<typeof deckFrontmatter>;

import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { deckFrontmatter } from './content/schemas/deckFrontmatter.ts';
import { deckPartFrontmatter } from './content/schemas/deckPartFrontmatter.ts';
import { readingFrontmatter } from './content/schemas/readingFrontmatter.ts';
import { exerciseFrontmatter } from './content/schemas/exerciseFrontmatter.ts';
import { contentRoot } from './authoring/contentRoot.ts';

const from = (folder: string, pattern: string | string[] = '*.mdx') => glob({ pattern, base: `${contentRoot}/${folder}` });

export const collections = {
  /** A deck is `slides/<deck>.mdx`, or `slides/<deck>/index.mdx` followed by its parts. */
  slides: defineCollection({
    loader: glob({ pattern: ['*.mdx', '*/index.mdx'], base: `${contentRoot}/slides`, generateId: ({ entry }) => entry.replace(/(\/index)?\.mdx$/, '') }),
    schema: deckFrontmatter,
  }),
  /** The sections of a deck split into files, `slides/<deck>/<NN>-<name>.mdx`; id `<deck>/<NN>-<name>`. */
  slideParts: defineCollection({
    loader: glob({ pattern: ['*/*.mdx', '!*/index.mdx'], base: `${contentRoot}/slides`, generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
    schema: deckPartFrontmatter,
  }),
  readings: defineCollection({ loader: from('readings'), schema: readingFrontmatter }),
  exercises: defineCollection({ loader: from('exercises'), schema: exerciseFrontmatter }),
};

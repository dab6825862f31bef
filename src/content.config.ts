import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { deckFrontmatter } from './content/schemas/deckFrontmatter.ts';
import { readingFrontmatter } from './content/schemas/readingFrontmatter.ts';
import { exerciseFrontmatter } from './content/schemas/exerciseFrontmatter.ts';
import { contentRoot } from './build/contentRoot.ts';

const from = (folder: string) => glob({ pattern: '*.mdx', base: `${contentRoot}/${folder}` });

export const collections = {
  slides: defineCollection({ loader: from('slides'), schema: deckFrontmatter }),
  readings: defineCollection({ loader: from('readings'), schema: readingFrontmatter }),
  exercises: defineCollection({ loader: from('exercises'), schema: exerciseFrontmatter }),
};

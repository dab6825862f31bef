import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { SlideCitation } from '../authoring/remarkSlideReadings.ts';

/** A deck with its parts in order, each rendered once; what the deck page and the home page need. */
export interface RenderedDeck {
  entry: CollectionEntry<'slides'>;
  files: { id: string; title: string; objectives: readonly string[]; slideIds: string[]; citedKeys: string[]; slideCitations: SlideCitation[]; Content: Awaited<ReturnType<typeof render>>['Content'] }[];
}

export async function deckContent(entry: CollectionEntry<'slides'>): Promise<RenderedDeck> {
  const parts = (await getCollection('slideParts')).filter((p) => p.id.startsWith(`${entry.id}/`)).sort((a, b) => a.id.localeCompare(b.id));
  const files = await Promise.all(
    [entry, ...parts].map(async (e) => {
      const { Content, remarkPluginFrontmatter: fm } = await render(e);
      return { id: e.id, title: e.data.title, objectives: e.data.objectives, slideIds: (fm.slideIds ?? []) as string[], citedKeys: (fm.citedKeys ?? []) as string[], slideCitations: (fm.slideCitations ?? []) as SlideCitation[], Content };
    }),
  );
  return { entry, files };
}

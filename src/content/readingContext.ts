import { getCollection, render, type CollectionEntry } from 'astro:content';
import { deckContent } from './deckContent.ts';
import { deckIds } from './course.ts';
import { readingConnections, type PresentingSlide, type UsingExercise } from './readingConnections.ts';
import { bibliographyEntries } from '../authoring/bibliographyEntries.ts';
import { contentRoot } from '../authoring/contentRoot.ts';

/** A link a reading's header or connections list shows: a title and a site path (not yet under the base). */
export interface TitledLink { title: string; path: string }

/** Everything around a reading's own text: what to read first, what to read with it, where it is taught. */
export interface ReadingContext {
  prerequisites: TitledLink[];
  /** Companion papers as formatted reference entries (HTML with their arXiv/DOI links). */
  companions: string[];
  slides: PresentingSlide[];
  exercises: UsingExercise[];
  related: TitledLink[];
}

/** Gathers a reading's context from the other collections; every name it resolves was checked at build time. */
export async function readingContext(entry: CollectionEntry<'readings'>): Promise<ReadingContext> {
  const [decks, readings, exercises] = await Promise.all([getCollection('slides'), getCollection('readings'), getCollection('exercises')]);
  const ordered = deckIds.flatMap((id) => decks.filter((d) => d.id === id));
  const rendered = await Promise.all(ordered.map(deckContent));
  const exerciseKeys = await Promise.all(
    exercises.map(async (e) => ({ id: e.id, title: e.data.title, citedKeys: ((await render(e)).remarkPluginFrontmatter.citedKeys ?? []) as string[] })),
  );
  const titleOf = (slug: string) => readings.find((r) => r.id === slug)?.data.title ?? slug;
  const slideTitle = (deck: string, slide: string) => {
    const d = rendered.find((r) => r.entry.id === deck);
    const s = d?.files.flatMap((f) => f.slideCitations).find((c) => c.id === slide);
    return `Lecture ${deckIds.indexOf(deck as (typeof deckIds)[number]) + 1} slides: ${s?.title ?? slide}`;
  };
  const prerequisites = entry.data.prerequisites.map((p) => {
    const [target, slide] = p.split('#');
    return slide ? { title: slideTitle(target, slide), path: `/slides/${target}/#/${slide}` } : { title: titleOf(target), path: `/readings/${target}/` };
  });
  const { slides, exercises: used } = readingConnections(
    [entry.data.bibkey, ...entry.data.companions],
    rendered.map((d) => ({ id: d.entry.id, title: d.entry.data.title, files: d.files })),
    exerciseKeys,
  );
  return {
    prerequisites,
    companions: await bibliographyEntries(contentRoot, entry.data.companions),
    slides,
    exercises: used,
    related: entry.data.related.map((slug) => ({ title: titleOf(slug), path: `/readings/${slug}/` })),
  };
}

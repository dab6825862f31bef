import type { ObjectiveId } from './objectives.ts';

/** One place that teaches an objective, as the home page links to it. */
export interface TeachingLink { kind: 'Slides' | 'Reading' | 'Exercises'; title: string; href: string }

interface Entry { id: string; data: { title: string; objectives: readonly string[] } }
/** A deck as files: its index (or single file) first, then its parts, each with its slide ids. */
interface Deck { id: string; title: string; files: { id: string; title: string; objectives: readonly string[]; slideIds: readonly string[] }[] }

/**
 * Inverts the pages' `objectives` frontmatter into objective id → places that teach it. A deck section
 * links to its own first slide, so a student lands where the objective is taught, not on the title slide.
 */
export function whereTaught(sources: { decks: Deck[]; readings: Entry[]; exercises: Entry[] }): Map<ObjectiveId, TeachingLink[]> {
  const map = new Map<ObjectiveId, TeachingLink[]>();
  const add = (ids: readonly string[], link: TeachingLink) => {
    for (const id of ids) {
      const list = map.get(id as ObjectiveId) ?? [];
      if (!list.some((l) => l.href === link.href)) list.push(link);
      map.set(id as ObjectiveId, list);
    }
  };
  for (const deck of sources.decks) {
    deck.files.forEach((f, i) => {
      const isPart = i > 0;
      const href = `/slides/${deck.id}/${isPart && f.slideIds[0] ? `#/${f.slideIds[0]}` : ''}`;
      add(f.objectives, { kind: 'Slides', title: isPart ? `${deck.title} — ${f.title}` : deck.title, href });
    });
  }
  for (const e of sources.readings) add(e.data.objectives, { kind: 'Reading', title: e.data.title, href: `/readings/${e.id}/` });
  for (const e of sources.exercises) add(e.data.objectives, { kind: 'Exercises', title: e.data.title, href: `/exercises/${e.id}/` });
  return map;
}

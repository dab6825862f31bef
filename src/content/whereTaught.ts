import type { ObjectiveId } from './objectives.ts';

/** One page that teaches an objective, as the home page links to it. */
export interface TeachingLink { kind: 'Slides' | 'Reading' | 'Exercises'; title: string; href: string }

interface Entry { id: string; data: { title: string; objectives: readonly string[] } }

/** Inverts the pages' `objectives` frontmatter into objective id → pages that teach it. */
export function whereTaught(sources: { slides: Entry[]; readings: Entry[]; exercises: Entry[] }): Map<ObjectiveId, TeachingLink[]> {
  const map = new Map<ObjectiveId, TeachingLink[]>();
  const add = (kind: TeachingLink['kind'], base: string, entries: Entry[]) => {
    for (const e of entries) {
      for (const id of e.data.objectives) {
        const list = map.get(id as ObjectiveId) ?? [];
        list.push({ kind, title: e.data.title, href: `${base}/${e.id}/` });
        map.set(id as ObjectiveId, list);
      }
    }
  };
  add('Slides', '/slides', sources.slides);
  add('Reading', '/readings', sources.readings);
  add('Exercises', '/exercises', sources.exercises);
  return map;
}

import type { ExerciseFrontmatter } from './schemas/exerciseFrontmatter.ts';

interface Entry { id: string; data: Pick<ExerciseFrontmatter, 'order' | 'kind'> }

/**
 * The label an exercise page shows: numbered sets count only the sets (`kind: set`, the default) in `order`,
 * so a warm-up placed first does not shift the numbers ("Exercise set 1" is the first set).
 */
export function exerciseLabel(entry: Entry, all: readonly Entry[]): string {
  if (entry.data.kind === 'warm-up') return 'Warm-up exercise';
  const sets = all.filter((e) => e.data.kind !== 'warm-up').sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
  return `Exercise set ${sets.findIndex((e) => e.id === entry.id) + 1}`;
}

/** Where a slide id was defined, to report the first definition when a later one repeats it. */
export interface SlideIdSite { file: string; line: number }

// Slide ids must be unique across all files of a deck, but remark sees one file at a time: keep a per-deck
// table for the build. A file's ids are forgotten before it is processed again (dev-server reloads).
const decks = new Map<string, Map<string, SlideIdSite>>();

export function forgetFile(deck: string, file: string): void {
  const ids = decks.get(deck);
  if (!ids) return;
  for (const [id, site] of ids) if (site.file === file) ids.delete(id);
}

/** Registers an id; returns the earlier site if another file or line of this deck already uses it. */
export function claimSlideId(deck: string, id: string, site: SlideIdSite): SlideIdSite | null {
  const ids = decks.get(deck) ?? new Map<string, SlideIdSite>();
  decks.set(deck, ids);
  const earlier = ids.get(id);
  if (earlier) return earlier;
  ids.set(id, site);
  return null;
}

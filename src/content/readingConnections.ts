/** A slide that presents a reading's paper, deep-linked, with the number reveal shows for it. */
export interface PresentingSlide { deck: string; lecture: number; deckTitle: string; slideId: string; slideNumber: number; title: string; href: string }
/** A page of exercises that cites the paper. */
export interface UsingExercise { id: string; title: string; href: string }

interface DeckInput {
  id: string;
  title: string;
  /** The deck's files in order, each with its slides in order and the keys each slide's body cites. */
  files: readonly { slideCitations: readonly { id: string; title: string; keys: readonly string[] }[] }[];
}

/**
 * Where a reading's paper (or a paper read with it) is presented: every slide whose body cites one of
 * `keys`, in deck order, with reveal's flattened slide number (title slide = 1, counting vertical slides,
 * as the deck's "c/t" counter shows), and every exercise page that cites one.
 */
export function readingConnections(
  keys: readonly string[],
  decks: readonly DeckInput[],
  exercises: readonly { id: string; title: string; citedKeys: readonly string[] }[],
): { slides: PresentingSlide[]; exercises: UsingExercise[] } {
  const wanted = new Set(keys);
  const slides = decks.flatMap((deck, d) =>
    deck.files
      .flatMap((f) => f.slideCitations)
      .map((s, i) => ({ s, number: i + 1 }))
      .filter(({ s }) => s.keys.some((k) => wanted.has(k)))
      .map(({ s, number }) => ({ deck: deck.id, lecture: d + 1, deckTitle: deck.title, slideId: s.id, slideNumber: number, title: s.title, href: `/slides/${deck.id}/#/${s.id}` })),
  );
  const used = exercises.filter((e) => e.citedKeys.some((k) => wanted.has(k))).map((e) => ({ id: e.id, title: e.title, href: `/exercises/${e.id}/` }));
  return { slides, exercises: used };
}

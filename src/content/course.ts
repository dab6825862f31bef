/** The course's name, as the site header, page titles and the decks' title slides show it. */
export const courseName = 'Training Dynamics';

/** The two lecture decks, `slides/<id>/`, in teaching order. */
export const deckIds = ['implicit-regularization', 'emergence'] as const;
export type DeckId = (typeof deckIds)[number];

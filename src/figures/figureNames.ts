/** Names authors may use in `<Figure name="…">`; kept apart from the drawing code so the build config stays light. */
export const figureNames = ['saxe-modes'] as const;
export type FigureName = (typeof figureNames)[number];

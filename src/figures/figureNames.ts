/** Names authors may use in `<Figure name="…">`, as a type: the registry must draw exactly these (a unit test checks). */
export const figureNames = ['saxe-modes', 'scalar-landscape', 'edge-of-stability', 'dln-saddle-to-saddle', 'lazy-rich', 'diagonal-path', 'early-warning', 'grokking-early-warning', 'mirage', 'modular-grokking', 'ising-mean-field', 'silent-alignment', 'dmft-linear', 'grokking-lazy-rich', 'stochastic-collapse'] as const;
export type FigureName = (typeof figureNames)[number];

/**
 * The PDFs `npm run handouts` writes into `<dist>/handouts/`, named in one place: the pages that link them
 * (home, decks, readings index, exercise sets) and the command that writes them both use these names, so a
 * link can only point at a file the command produces.
 */

/** The folder under the site's base that holds the PDFs. */
export const HANDOUTS_DIR = 'handouts';

/** One PDF the handouts command writes. */
export interface HandoutFile {
  /** File name inside `handouts/`, e.g. `emergence-slides.pdf`. */
  file: string;
  /** What a reader sees in a link to it. */
  label: string;
}

/** The three PDFs of a deck: its slides, the slides beside their speaker notes, and a compact sheet to write on. */
export function deckHandouts(deck: string): { slides: HandoutFile; notes: HandoutFile; compact: HandoutFile } {
  return {
    slides: { file: `${deck}-slides.pdf`, label: 'Slides (PDF, one slide per page)' },
    notes: { file: `${deck}-notes.pdf`, label: 'Slides with speaker notes (PDF)' },
    compact: { file: `${deck}-compact.pdf`, label: 'Three slides per page, ruled for notes (PDF)' },
  };
}

/** Every annotated reading in reading-path order, as one PDF. */
export const readingsPacket: HandoutFile = { file: 'readings-packet.pdf', label: 'All readings as one printable packet (PDF)' };

/** An exercise set's two sheets: the problems alone, and the problems with their worked solutions. */
export function exerciseHandouts(set: string): { problems: HandoutFile; solutions: HandoutFile } {
  return {
    problems: { file: `exercises-${set}-problems.pdf`, label: 'Problems (PDF)' },
    solutions: { file: `exercises-${set}-solutions.pdf`, label: 'Problems with worked solutions (PDF)' },
  };
}

/** A handout's path from the site's base, for sitePath(): `/handouts/emergence-slides.pdf`. */
export const handoutPath = (h: HandoutFile): string => `/${HANDOUTS_DIR}/${h.file}`;

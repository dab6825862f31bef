import { execFileSync } from 'node:child_process';

/** Page count and size of a PDF, from poppler's pdfinfo (apt-get install poppler-utils). */
export function pdfInfo(path: string): { pages: number; pageSize: string } {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]), pageSize: /^Page size:\s+(.*)$/m.exec(out)?.[1] ?? '' };
}

/** The text layer of a PDF (pdftotext), to check that figures and math made it to paper. */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

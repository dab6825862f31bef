import { relative, sep } from 'node:path';

/**
 * The deck a slide file belongs to: `slides/<deck>.mdx` or any file in `slides/<deck>/` (a deck split into
 * parts, one per lecture section). Null for files outside the slides folder.
 */
export function deckOf(path: string | undefined, slidesDir: string): string | null {
  if (!path || !path.startsWith(slidesDir + sep)) return null;
  const [first] = relative(slidesDir, path).split(sep);
  return first.replace(/\.mdx$/, '');
}

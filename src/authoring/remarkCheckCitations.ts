import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { bibKeys } from './bibKeys.ts';

// Pandoc-style citations as rehype-citation reads them: [@key], [@a; @b], [see @key, p. 3].
const citationGroup = /\[[^\[\]]*?@[^\[\]]+\]/g;
const citationKey = /(?:^|[\s;\[-])@([\w:.#$%&+?<>~/-]+)/g;

/** The citation keys in a text, in order of appearance (duplicates kept). */
export function citedKeysIn(text: string): string[] {
  return [...text.matchAll(citationGroup)].flatMap((g) => [...g[0].matchAll(citationKey)].map((m) => m[1].replace(/[.,;:]+$/, '')));
}

/** The source point of character `index` of a text node that starts at `start` (exact unless the text had escapes). */
function pointAt(text: string, start: { line: number; column: number }, index: number) {
  const before = text.slice(0, index).split('\n');
  return before.length === 1
    ? { line: start.line, column: start.column + index }
    : { line: start.line + before.length - 1, column: before.at(-1)!.length + 1 };
}

/**
 * Fails the build on a citation key that `references.bib` does not define. rehype-citation would silently
 * leave such a citation as raw text, which is how a wrong key reaches students.
 */
export function remarkCheckCitations(options: { bibPath: string }) {
  return (tree: Root, file: VFile) => {
    const known = bibKeys(options.bibPath);
    const cited = new Set<string>();
    visit(tree, 'text', (node) => {
      for (const group of node.value.matchAll(citationGroup)) {
        for (const m of group[0].matchAll(citationKey)) {
          const key = m[1].replace(/[.,;:]+$/, '');
          cited.add(key);
          if (!known.has(key)) {
            const place = node.position && pointAt(node.value, node.position.start, (group.index ?? 0) + (m.index ?? 0));
            file.fail(`Unknown citation key "@${key}". Add an entry with that key to references.bib, or fix the key.`, place, 'citations:unknown-key');
          }
        }
      }
    });
    // Exposed as remarkPluginFrontmatter.citedKeys: a deck split into parts builds one bibliography from them.
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro = { ...data.astro, frontmatter: { ...data.astro?.frontmatter, citedKeys: [...cited] } };
  };
}

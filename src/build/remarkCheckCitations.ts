import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { bibKeys } from './bibKeys.ts';

// Pandoc-style citations as rehype-citation reads them: [@key], [@a; @b], [see @key, p. 3].
const citationGroup = /\[[^\[\]]*?@[^\[\]]+\]/g;
const citationKey = /(?:^|[\s;\[-])@([\w:.#$%&+?<>~/-]+)/g;

/**
 * Fails the build on a citation key that `references.bib` does not define. rehype-citation would silently
 * leave such a citation as raw text, which is how a wrong key reaches students.
 */
export function remarkCheckCitations(options: { bibPath: string }) {
  return (tree: Root, file: VFile) => {
    const known = bibKeys(options.bibPath);
    visit(tree, 'text', (node) => {
      for (const group of node.value.matchAll(citationGroup)) {
        for (const m of group[0].matchAll(citationKey)) {
          const key = m[1].replace(/[.,;:]+$/, '');
          if (!known.has(key)) {
            file.fail(`Unknown citation key "@${key}". Add an entry with that key to references.bib, or fix the key.`, node.position, 'citations:unknown-key');
          }
        }
      }
    });
  };
}

import { unified } from 'unified';
import rehypeCitation from 'rehype-citation';
import { toHtml } from 'hast-util-to-html';
import type { Root, Element } from 'hast';
import { VFile } from 'vfile';

/**
 * Formats the given BibTeX keys as reference-list entries (APA, as in readings), one HTML string per entry,
 * in the style's order. Used where references are gathered across files, e.g. a deck made of parts.
 */
export async function bibliographyEntries(contentRoot: string, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const processor = unified().use(rehypeCitation, { path: contentRoot, bibliography: 'references.bib', csl: 'apa', noCite: keys.map((k) => `@${k}`) });
  const tree = (await processor.run({ type: 'root', children: [] }, new VFile({ path: `${contentRoot}/bibliography` }))) as Root;
  const refs = tree.children.find((n): n is Element => n.type === 'element' && n.properties?.id === 'refs');
  return (refs?.children ?? [])
    .filter((n): n is Element => n.type === 'element')
    .map((entry) => toHtml(entry));
}

import { unified } from 'unified';
import { rehypeCitation } from './rehypeCitation.ts';
import { toHtml } from 'hast-util-to-html';
import type { Root, Element } from 'hast';
import { VFile } from 'vfile';
import { join } from 'node:path';
import { linkReferenceEntry, referenceIds, entryKey } from './referenceLinks.ts';

/**
 * Formats the given BibTeX keys as reference-list entries (APA, as in readings), one HTML string per entry,
 * in the style's order, with every arXiv id, DOI and URL as a link. Used where references are gathered across
 * files, e.g. a deck made of parts.
 */
export async function bibliographyEntries(contentRoot: string, keys: readonly string[]): Promise<string[]> {
  return (await keyedBibliographyEntries(contentRoot, keys)).map((e) => e.html);
}

/** As bibliographyEntries, with the BibTeX key of each entry, for pages that add to each entry. */
export async function keyedBibliographyEntries(contentRoot: string, keys: readonly string[]): Promise<{ key: string; html: string }[]> {
  if (keys.length === 0) return [];
  const processor = unified().use(rehypeCitation, { path: contentRoot, bibliography: 'references.bib', csl: 'apa', noCite: keys.map((k) => `@${k}`) });
  const tree = (await processor.run({ type: 'root', children: [] }, new VFile({ path: `${contentRoot}/bibliography` }))) as Root;
  const refs = tree.children.find((n): n is Element => n.type === 'element' && n.properties?.id === 'refs');
  const ids = referenceIds(join(contentRoot, 'references.bib'));
  return (refs?.children ?? [])
    .filter((n): n is Element => n.type === 'element')
    .map((entry) => ({ key: entryKey(entry) ?? '', html: toHtml(linkReferenceEntry(entry, ids.get(entryKey(entry) ?? ''))) }));
}

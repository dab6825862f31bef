import { readFileSync, statSync } from 'node:fs';
import type { Element, ElementContent, Text } from 'hast';

/** The identifiers of one BibTeX entry that can become links. */
export interface ReferenceIds { arxiv?: string; doi?: string; url?: string }

const field = (body: string, name: string): string | undefined => {
  const m = new RegExp(`(?:^|[,\\s])${name}\\s*=\\s*(?:\\{([^{}]*)\\}|"([^"]*)"|([\\w.:/-]+))`, 'i').exec(body);
  const value = m ? (m[1] ?? m[2] ?? m[3])?.trim() : undefined;
  return value ? value : undefined;
};

/**
 * Reads arXiv ids (`eprint` with `archivePrefix = {arXiv}`, or an `eprint` that looks like an arXiv id), DOIs and
 * URLs from a BibTeX text, keyed by citation key. A light reader for these flat fields, not a full BibTeX parser.
 */
export function parseReferenceIds(bibText: string): Map<string, ReferenceIds> {
  const ids = new Map<string, ReferenceIds>();
  const starts = [...bibText.matchAll(/@\w+\s*\{\s*([^,\s]+)\s*,/g)];
  starts.forEach((m, i) => {
    const body = bibText.slice(m.index! + m[0].length, i + 1 < starts.length ? starts[i + 1].index : undefined);
    const eprint = field(body, 'eprint');
    const prefix = field(body, 'archivePrefix') ?? field(body, 'eprinttype');
    const looksArxiv = eprint !== undefined && /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/i.test(eprint);
    const arxiv = eprint && (prefix ? /^arxiv$/i.test(prefix) : looksArxiv) ? eprint : undefined;
    const doi = field(body, 'doi')?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
    const url = field(body, 'url');
    ids.set(m[1], { ...(arxiv && { arxiv }), ...(doi && { doi }), ...(url && { url }) });
  });
  return ids;
}

const cache = new Map<string, { mtime: number; ids: Map<string, ReferenceIds> }>();
/** `parseReferenceIds` of a .bib file, read again only when the file changes. */
export function referenceIds(bibPath: string): Map<string, ReferenceIds> {
  const mtime = statSync(bibPath).mtimeMs;
  let hit = cache.get(bibPath);
  if (!hit || hit.mtime !== mtime) cache.set(bibPath, (hit = { mtime, ids: parseReferenceIds(readFileSync(bibPath, 'utf8')) }));
  return hit.ids;
}

export const arxivUrl = (id: string) => `https://arxiv.org/abs/${id}`;
export const doiUrl = (doi: string) => `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;

// A URL in running text ends before whitespace; a final period, comma or semicolon belongs to the sentence, and a
// closing parenthesis only when the URL opened none (DOIs such as 10.1016/0893-6080(89)90014-2 contain pairs).
const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;
function trimUrl(url: string): string {
  let u = url.replace(/[.,;:]+$/, '');
  while (u.endsWith(')') && (u.match(/\(/g) ?? []).length < (u.match(/\)/g) ?? []).length) u = u.slice(0, -1).replace(/[.,;:]+$/, '');
  return u;
}

const link = (href: string, text: string): Element => ({
  type: 'element',
  tagName: 'a',
  properties: { href, rel: ['external'], className: ['reference-link'] },
  children: [{ type: 'text', value: text }],
});

function linkifyText(node: Element): void {
  const out: ElementContent[] = [];
  for (const child of node.children) {
    if (child.type === 'element') {
      if (child.tagName !== 'a') linkifyText(child);
      out.push(child);
      continue;
    }
    if (child.type !== 'text') { out.push(child); continue; }
    let last = 0;
    const text = child.value;
    for (const m of text.matchAll(URL_IN_TEXT)) {
      const url = trimUrl(m[0]);
      if (m.index! > last) out.push({ type: 'text', value: text.slice(last, m.index) } satisfies Text);
      out.push(link(url, url));
      last = m.index! + url.length;
    }
    if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  }
  node.children = out;
}

function hrefs(node: Element, found: string[] = []): string[] {
  for (const c of node.children) {
    if (c.type !== 'element') continue;
    if (c.tagName === 'a' && typeof c.properties?.href === 'string') found.push(c.properties.href);
    hrefs(c, found);
  }
  return found;
}

/**
 * Makes one formatted reference-list entry (a `.csl-entry` element) clickable: every URL printed in it becomes a
 * link, and an arXiv id or DOI the style did not print (APA prints the DOI and drops the arXiv id when an entry has
 * both) is appended as a link, to the arXiv abstract page or to doi.org. Mutates and returns the entry.
 */
export function linkReferenceEntry(entry: Element, ids: ReferenceIds | undefined): Element {
  linkifyText(entry);
  if (!ids) return entry;
  const present = hrefs(entry).map((h) => h.toLowerCase());
  const add = (href: string, text: string) => {
    entry.children.push({ type: 'text', value: ' ' }, link(href, text));
    present.push(href.toLowerCase());
  };
  if (ids.doi && !present.some((h) => /doi\.org\//.test(h) && decodeURIComponent(h).endsWith(ids.doi!.toLowerCase()))) add(doiUrl(ids.doi), `https://doi.org/${ids.doi}`);
  if (ids.arxiv && !present.some((h) => h.includes(`arxiv.org/abs/${ids.arxiv!.toLowerCase()}`))) add(arxivUrl(ids.arxiv), `arXiv:${ids.arxiv}`);
  return entry;
}

/** The citation key of a `.csl-entry` element rendered by rehype-citation (`id="bib-<key>"`). */
export const entryKey = (entry: Element): string | undefined => {
  const id = entry.properties?.id;
  return typeof id === 'string' && id.startsWith('bib-') ? id.slice(4) : undefined;
};

const isEntry = (n: Element) => Array.isArray(n.properties?.className) && (n.properties.className as string[]).includes('csl-entry');

/** Applies `linkReferenceEntry` to every `.csl-entry` under a node (a reference list). */
export function linkReferenceList(list: Element, ids: Map<string, ReferenceIds>): void {
  for (const child of list.children) {
    if (child.type !== 'element') continue;
    if (isEntry(child)) linkReferenceEntry(child, ids.get(entryKey(child) ?? ''));
    else linkReferenceList(child, ids);
  }
}

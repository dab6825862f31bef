import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';
import { linkReferenceEntry, parseReferenceIds } from '../../src/authoring/referenceLinks.ts';
import { bibliographyEntries } from '../../src/authoring/bibliographyEntries.ts';

const bib = `
@inproceedings{saxe2014exact,
  author        = {Saxe, Andrew M.},
  title         = {Exact solutions},
  year          = {2014},
  eprint        = {1312.6120},
  archivePrefix = {arXiv},
  url           = {https://arxiv.org/abs/1312.6120}
}

@article{baldi1989neural,
  author  = {Baldi, Pierre},
  title   = {Neural networks and principal component analysis},
  year    = {1989},
  doi     = {10.1016/0893-6080(89)90014-2}
}

@article{mei2018mean,
  author        = {Mei, Song},
  title         = {A mean field view},
  year          = {2018},
  doi           = {10.1073/pnas.1806579115},
  eprint        = {1804.06561},
  archivePrefix = {arXiv}
}

@misc{pearce2023grokking,
  title = {Do Machine Learning Models Memorize or Generalize?},
  url   = {https://pair.withgoogle.com/explorables/grokking/}
}
`;

const entry = (html: string): Element => (fromHtmlIsomorphic(html, { fragment: true }).children[0] as Element);
const links = (html: string) => [...html.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({ href: m[1], text: m[2] }));

describe('reference links', () => {
  it('reads arXiv ids, DOIs and URLs per citation key from BibTeX', () => {
    const ids = parseReferenceIds(bib);
    expect(ids.get('saxe2014exact')).toEqual({ arxiv: '1312.6120', url: 'https://arxiv.org/abs/1312.6120' });
    expect(ids.get('baldi1989neural')).toEqual({ doi: '10.1016/0893-6080(89)90014-2' });
    expect(ids.get('mei2018mean')).toEqual({ arxiv: '1804.06561', doi: '10.1073/pnas.1806579115' });
    expect(ids.get('pearce2023grokking')).toEqual({ url: 'https://pair.withgoogle.com/explorables/grokking/' });
  });

  it('turns a printed arXiv address into a link to the abstract page, keeping the final period outside', () => {
    const ids = parseReferenceIds(bib);
    const html = toHtml(linkReferenceEntry(entry('<div class="csl-entry" id="bib-saxe2014exact">Saxe, A. M. (2014). Exact solutions. https://arxiv.org/abs/1312.6120.</div>'), ids.get('saxe2014exact')));
    expect(links(html)).toEqual([{ href: 'https://arxiv.org/abs/1312.6120', text: 'https://arxiv.org/abs/1312.6120' }]);
    expect(html).toMatch(/<\/a>\.<\/div>$/);
  });

  it('keeps the parentheses that belong to a DOI inside its doi.org link', () => {
    const ids = parseReferenceIds(bib);
    const html = toHtml(linkReferenceEntry(entry('<div class="csl-entry" id="bib-baldi1989neural">Baldi, P. (1989). <i>Neural Networks</i>, 53–58. https://doi.org/10.1016/0893-6080(89)90014-2</div>'), ids.get('baldi1989neural')));
    expect(links(html)).toEqual([{ href: 'https://doi.org/10.1016/0893-6080(89)90014-2', text: 'https://doi.org/10.1016/0893-6080(89)90014-2' }]);
  });

  it('adds the arXiv link a style dropped when the entry also has a DOI, without repeating the DOI', () => {
    const ids = parseReferenceIds(bib);
    const html = toHtml(linkReferenceEntry(entry('<div class="csl-entry" id="bib-mei2018mean">Mei, S. (2018). A mean field view. https://doi.org/10.1073/pnas.1806579115</div>'), ids.get('mei2018mean')));
    expect(links(html)).toEqual([
      { href: 'https://doi.org/10.1073/pnas.1806579115', text: 'https://doi.org/10.1073/pnas.1806579115' },
      { href: 'https://arxiv.org/abs/1804.06561', text: 'arXiv:1804.06561' },
    ]);
  });

  it('adds a DOI link when the printed entry shows no identifier at all', () => {
    const html = toHtml(linkReferenceEntry(entry('<div class="csl-entry">Baldi, P. (1989).</div>'), { doi: '10.1016/0893-6080(89)90014-2' }));
    expect(links(html).map((l) => l.href)).toEqual(['https://doi.org/10.1016/0893-6080(89)90014-2']);
  });

  it('links every entry of the course bibliography that has an arXiv id or a DOI, as the decks render it', async () => {
    const root = resolve('.');
    const ids = parseReferenceIds(readFileSync(resolve(root, 'references.bib'), 'utf8'));
    const keys = [...ids.keys()];
    const entries = await bibliographyEntries(root, keys);
    expect(entries.length).toBe(keys.length);
    for (const html of entries) {
      const key = /id="bib-([^"]+)"/.exec(html)![1];
      const { arxiv, doi, url } = ids.get(key)!;
      const hrefs = links(html).map((l) => l.href);
      if (arxiv) expect(hrefs, key).toContain(`https://arxiv.org/abs/${arxiv}`);
      if (doi) expect(hrefs.some((h) => h.toLowerCase() === `https://doi.org/${doi}`.toLowerCase()), key).toBe(true);
      if (url) expect(hrefs, key).toContain(url);
      expect(html.replace(/<a [^>]*>[^<]*<\/a>/g, ''), `${key}: an address printed outside a link`).not.toMatch(/https?:\/\//);
    }
  });
});

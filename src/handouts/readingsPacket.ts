import { parseHTML } from 'linkedom';

/** One reading's printable handout as built (`<dist>/readings/<slug>/handout/index.html`). */
export interface ReadingHandout { slug: string; html: string }

/** Running headers, a title page and a table of contents for Paged.js; handout.css does the rest. */
const PACKET_CSS = `
@page { @top-left { content: "Training Dynamics · annotated readings"; font: 8.5pt system-ui, sans-serif; color: #555; }
        @top-right { content: string(reading); font: 8.5pt system-ui, sans-serif; color: #555; } }
@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } }
.packet-title { break-after: page; padding-top: 60mm; }
.packet-title h1 { font-size: 26pt; margin: 0 0 6mm; }
.packet-toc { break-after: page; }
.packet-toc ol { list-style: none; padding: 0; }
.packet-toc li { margin: 0 0 2.5mm; break-inside: avoid; }
.packet-toc a { display: flex; gap: 4mm; color: inherit; text-decoration: none; }
.packet-toc a .toc-entry { flex: 1; }
.packet-toc a::after { content: target-counter(attr(href), page); font-variant-numeric: tabular-nums; }
.packet-toc .toc-byline { display: block; color: #555; font-size: 0.9em; }
main.reading { break-before: page; }
main.reading h1 { string-set: reading content(text); }
`;

/** Rewrites one reading's ids and same-page links under a prefix, so that twenty readings share a document. */
function prefixIds(main: Element, prefix: string): void {
  for (const el of main.querySelectorAll('[id]')) el.id = `${prefix}${el.id}`;
  for (const a of main.querySelectorAll('a[href^="#"]')) a.setAttribute('href', `#${prefix}${a.getAttribute('href')!.slice(1)}`);
  for (const attr of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for']) {
    for (const el of main.querySelectorAll(`[${attr}]`)) el.setAttribute(attr, el.getAttribute(attr)!.split(/\s+/).map((id) => prefix + id).join(' '));
  }
}

/**
 * Every reading handout in reading-path order as one Paged.js document: a title page, a table of contents whose
 * page numbers Paged.js fills in (target-counter), each reading starting on a new page under a running header
 * with its title, margin notes as footnotes and numbered pages (public/handout.css). The head — stylesheets and
 * Paged.js — is the first handout's, without the figure islands: paper shows each figure as drawn at build time.
 */
export function readingsPacketHtml(handouts: ReadingHandout[]): string {
  if (handouts.length === 0) throw new Error('readings packet: no reading handouts found (readings/<slug>/handout/index.html)');
  const readings = handouts.map(({ slug, html }) => {
    const { document } = parseHTML(html);
    const main = document.querySelector('main.reading');
    if (!main) throw new Error(`readings/${slug}/handout/: no <main class="reading"> to put in the packet`);
    const order = Number(/Annotated reading (\d+)/.exec(main.querySelector('.eyebrow')?.textContent ?? '')?.[1]);
    if (!Number.isFinite(order)) throw new Error(`readings/${slug}/handout/: no "Annotated reading N" line to order the packet by`);
    prefixIds(main, `${slug}--`);
    main.id = `reading-${slug}`;
    for (const s of main.querySelectorAll('script')) s.remove();
    const title = main.querySelector('h1')?.textContent?.trim() ?? slug;
    const byline = main.querySelector('.byline')?.textContent?.trim() ?? '';
    return { slug, order, title, byline, main: main.outerHTML, head: document.head };
  }).sort((a, b) => a.order - b.order);

  // Each page's head holds the styles of the components it uses: the packet needs all of them, once each.
  const head = readings[0].head;
  for (const s of head.querySelectorAll('script[type="module"], title')) s.remove();
  const present = new Set([...head.querySelectorAll('style, link[rel="stylesheet"]')].map((e) => e.outerHTML));
  for (const r of readings.slice(1)) {
    for (const e of r.head.querySelectorAll('style, link[rel="stylesheet"]')) {
      if (!present.has(e.outerHTML)) { present.add(e.outerHTML); head.append(e); }
    }
  }
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const toc = readings.map((r) => `<li><a href="#reading-${r.slug}"><span class="toc-entry">${r.order}. ${esc(r.title)}<span class="toc-byline">${esc(r.byline)}</span></span></a></li>`).join('');
  return `<!doctype html>
<html lang="en" data-handout data-packet>
<head><title>Annotated readings · Training Dynamics</title>${head.innerHTML}<style>${PACKET_CSS}</style></head>
<body>
<section class="packet-title"><p class="eyebrow">Training Dynamics: implicit regularization and emergence in deep learning</p><h1>Annotated readings</h1>
<p>${readings.length} guided tours of the course's key papers, in the order the course reads them. Margin notes are footnotes; each figure's caption gives the parameters it is drawn with and where to open it live.</p></section>
<nav class="packet-toc" aria-labelledby="packet-contents"><h2 id="packet-contents">Contents</h2><ol>${toc}</ol></nav>
${readings.map((r) => r.main).join('\n')}
</body>
</html>`;
}

import { parseHTML } from 'linkedom';

/**
 * What the site search indexes, read from the built HTML.
 *
 * - A deck page marks its slides container `data-search-split="slides"`: every slide (`section[id]`) becomes its own
 *   record, titled by its heading, holding the slide's text (not its speaker notes), linked to `<deck>/#/<slide-id>`.
 * - A reading marks its article `data-search-split="sections"`: the text before the first `h2[id]` is one record
 *   linked to the page, and every `h2[id]` section is its own record linked to `#<id>`.
 * - Other pages that carry `data-pagefind-body` go through Pagefind's own HTML indexing.
 *
 * Math is indexed once, as readable text: each KaTeX formula becomes a linear form of its MathML
 * (`ℓ = 1/2 (s − w_1⋯w_L)^2`); the TeX source and KaTeX's visual HTML copy are dropped.
 */
export interface SearchRecord {
  /** Root-relative URL, without the site's base (the search page adds it, as Pagefind does for HTML pages). */
  url: string;
  title: string;
  content: string;
  /** Where the record sits, e.g. "Slides · Implicit regularization"; shown beside the title. */
  context: string;
}

type El = Element;
type Doc = Document;

const RELATIONS = new Set(['=', '≠', '<', '>', '≤', '≥', '≈', '∼', '≡', '∝', '→', '↦', '⇒', '⟹', '⇔', '∈', '∉', '⊂', '⊆', '+', '−', '±', '×', '·', ':=', '≪', '≫']);

const compact = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Wraps a script or fraction part in parentheses when it is more than one symbol. */
const group = (s: string) => {
  const t = compact(s);
  return [...t].length <= 1 || /^[\p{L}\p{N}.]+$/u.test(t) ? t : `(${t})`;
};

// Capital letters in script and double-struck type (𝓛 for \mathcal L, ℝ for \mathbb R): Unicode's mathematical
// alphanumerics, with the letters that live in the Letterlike Symbols block.
const SCRIPT_EXCEPTIONS: Record<string, string> = { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ' };
const DOUBLE_EXCEPTIONS: Record<string, string> = { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' };
function styled(text: string, variant: string | null): string {
  if (variant !== 'script' && variant !== 'double-struck') return text;
  const [start, exceptions] = variant === 'script' ? [0x1d49c, SCRIPT_EXCEPTIONS] : [0x1d538, DOUBLE_EXCEPTIONS];
  return [...text].map((c) => (/^[A-Z]$/.test(c) ? exceptions[c] ?? String.fromCodePoint(start + c.charCodeAt(0) - 65) : c)).join('');
}

/** A linear, plain-text reading of a MathML element (annotations dropped). */
export function mathText(el: El): string {
  const kids = [...el.children];
  const part = (i: number) => (kids[i] ? mathText(kids[i]) : '');
  // A big operator or a named limit (∑_i, max_x) is followed by a space before its operand.
  const after = kids[0]?.localName === 'mo' && /[∑∏∫∮⋃⋂⨁⨂]/.test(kids[0].textContent ?? '') ? ' ' : '';
  switch (el.localName) {
    case 'annotation':
    case 'annotation-xml':
      return '';
    case 'mfrac':
      return ` ${group(part(0))}/${group(part(1))} `;
    case 'msup':
      return `${part(0)}^${group(part(1))}`;
    case 'msub':
      return `${part(0)}_${group(part(1))}${after}`;
    case 'msubsup':
      return `${part(0)}_${group(part(1))}^${group(part(2))}${after}`;
    case 'munder':
      return `${part(0)}_${group(part(1))} `;
    case 'mover':
      return el.getAttribute('accent') === 'true' ? part(0) : `${part(0)}^${group(part(1))}`;
    case 'munderover':
      return `${part(0)}_${group(part(1))}^${group(part(2))} `;
    case 'msqrt':
      return `√${group(kids.map(mathText).join(''))}`;
    case 'mroot':
      return `${group(part(1))}√${group(part(0))}`;
    case 'mspace':
      return ' ';
    case 'mtable':
      return ` ${kids.map((row) => [...row.children].map((cell) => compact(mathText(cell))).join(' ')).join('; ')} `;
    case 'mo': {
      const t = el.textContent ?? '';
      if (el.getAttribute('separator') === 'true') return `${t} `;
      return RELATIONS.has(t.trim()) ? ` ${t.trim()} ` : t;
    }
    case 'mi':
      return styled(el.textContent ?? '', el.getAttribute('mathvariant'));
    case 'mn':
    case 'mtext':
    case 'ms':
      return el.textContent ?? '';
    default:
      return kids.map(mathText).join('');
  }
}

/** Replaces every formula in a document by its linear text, so indexers see each formula once and without TeX. */
export function flattenMath(doc: Doc): void {
  for (const k of [...doc.querySelectorAll('.katex')]) {
    const math = k.querySelector('math');
    const display = k.parentElement?.classList.contains('katex-display') ?? false;
    const span = doc.createElement(display ? 'div' : 'span');
    span.textContent = compact(math ? mathText(math) : '');
    k.replaceWith(span);
  }
  // Math rendered as MathML only (speaker notes).
  for (const m of [...doc.querySelectorAll('math')]) m.replaceWith(doc.createTextNode(compact(mathText(m))));
}

const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul']);
const SKIP = 'script, style, template, svg, noscript, aside.notes, .figure-controls, [data-pagefind-ignore]';

/** Visible text of nodes, with a space wherever a block element begins or ends. */
export function textOf(nodes: Iterable<Node>): string {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) { out.push(n.textContent ?? ''); return; }
    if (n.nodeType !== 1) return;
    const el = n as El;
    if (el.matches(SKIP)) return;
    const block = BLOCK.has(el.localName);
    if (block) out.push(' ');
    for (const c of [...el.childNodes]) walk(c);
    if (block) out.push(' ');
  };
  for (const n of nodes) walk(n);
  return compact(out.join(''));
}

const headingOf = (section: El) => section.querySelector('h1, h2, h3');

function slideRecords(root: El, pageUrl: string, deckTitle: string): SearchRecord[] {
  const context = `Slides · ${deckTitle}`;
  return [...root.querySelectorAll('section[id]')]
    .filter((s) => !s.querySelector('section[id]'))
    .map((s) => {
      const heading = headingOf(s);
      const title = heading ? textOf([heading]) : deckTitle;
      return { url: `${pageUrl}#/${s.id}`, title, content: textOf([s]), context };
    })
    .filter((r) => r.content.length > 0);
}

function sectionRecords(root: El, pageUrl: string, pageTitle: string, kind: string): SearchRecord[] {
  const groups: { heading: El | null; nodes: Node[] }[] = [{ heading: null, nodes: [] }];
  const visit = (el: El) => {
    for (const child of [...el.childNodes]) {
      if (child.nodeType === 1) {
        const c = child as El;
        if (c.matches('h2[id]')) { groups.push({ heading: c, nodes: [c] }); continue; }
        if (c.querySelector('h2[id]')) { visit(c); continue; }
      }
      groups.at(-1)!.nodes.push(child);
    }
  };
  visit(root);
  const context = `${kind} · ${pageTitle}`;
  return groups
    .map(({ heading, nodes }) => ({
      url: heading ? `${pageUrl}#${heading.id}` : pageUrl,
      title: heading ? textOf([heading]) : pageTitle,
      content: textOf(nodes),
      context: heading ? context : kind,
    }))
    .filter((r) => r.content.length > 0);
}

export interface PageForSearch {
  /** Records for pages split by this module; empty for the rest. */
  records: SearchRecord[];
  /** The page's HTML with math flattened, for Pagefind's own indexing; null when the page is split or not indexed. */
  html: string | null;
}

/**
 * Reads one built page. `pageUrl` is its root-relative URL (`/slides/emergence/`).
 */
export function pageForSearch(source: string, pageUrl: string): PageForSearch {
  if (!source.includes('data-search-split') && !source.includes('data-pagefind-body')) return { records: [], html: null };
  const { document } = parseHTML(source);
  flattenMath(document);
  const split = document.querySelector('[data-search-split]');
  if (!split) return { records: [], html: document.querySelector('[data-pagefind-body]') ? document.toString() : null };
  const title = split.getAttribute('data-search-title') ?? compact(document.title);
  const mode = split.getAttribute('data-search-split');
  const records = mode === 'slides' ? slideRecords(split, pageUrl, title) : sectionRecords(split, pageUrl, title, split.getAttribute('data-search-kind') ?? 'Page');
  return { records, html: null };
}

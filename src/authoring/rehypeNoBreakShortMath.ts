import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Inline formulas whose TeX is at most this long are kept on one line. */
export const shortMathLength = 25;

/**
 * KaTeX lets inline math break after any top-level relation or binary operator, so a short formula such as
 * `$1 - \lambda$` or `$N^* = 10^4$` can end one line with "1 −" and start the next with "λ". A short formula
 * is read as one word: mark it `math-nobreak` (math.css: white-space: nowrap). Long inline formulas keep their
 * break points, since a long unbreakable box would push the line past a phone's width. Runs after rehype-katex.
 */
export function rehypeNoBreakShortMath(options: { maxLength?: number } = {}) {
  const max = options.maxLength ?? shortMathLength;
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const cls = classes(node);
      if (cls.includes('katex-display')) return 'skip';
      if (!cls.includes('katex')) return;
      const tex = texOf(node);
      if (tex !== undefined && tex.length <= max) node.properties = { ...node.properties, className: [...cls, 'math-nobreak'] };
      return 'skip';
    });
  };
}

/** The TeX source KaTeX keeps in its MathML annotation, whitespace collapsed. */
function texOf(katex: Element): string | undefined {
  let tex: string | undefined;
  visit(katex, 'element', (n) => {
    if (n.tagName === 'annotation' && n.properties?.encoding === 'application/x-tex') { tex = n.children.map((c) => (c.type === 'text' ? c.value : '')).join('').replace(/\s+/g, ' ').trim(); return false; }
  });
  return tex;
}

function classes(node: Element): string[] {
  const c = node.properties?.className;
  return Array.isArray(c) ? c.map(String) : [];
}

import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const isTexAnnotation = (node: Element) => node.tagName === 'annotation' && node.properties?.encoding === 'application/x-tex';

/**
 * KaTeX writes each formula three times: the visible HTML, MathML for screen readers, and the TeX source as a
 * MathML annotation. Nothing on the site reads the annotation once the passes before this one have run
 * (rehypeNoBreakShortMath measures formulas by it; search reads the MathML itself), and it was a tenth of a
 * deck's gzip bytes, so the last pass drops it. The MathML that assistive technology reads is untouched.
 */
export function rehypeDropTexAnnotations() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'semantics') return;
      node.children = node.children.filter((child) => child.type !== 'element' || !isTexAnnotation(child));
    });
  };
}

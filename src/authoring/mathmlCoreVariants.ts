import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isMappedVariant, mathVariantChars } from './mathVariantChars.ts';

const TOKENS = new Set(['mi', 'mn', 'mo']);
const TEXT_STYLE: Record<string, string> = { bold: 'font-weight:bold', italic: 'font-style:italic', 'bold-italic': 'font-weight:bold;font-style:italic' };

/**
 * Rewrites KaTeX's MathML so that MathML Core browsers (Chromium) show what the TeX says. A token's
 * `mathvariant` (other than "normal", which MathML Core keeps) becomes the Unicode Mathematical Alphanumeric
 * characters it stands for (mathVariantChars.ts), so \mathbf{u}, \mathbb{R} and \mathcal{L} stay bold u, ℝ and
 * 𝓛; a bold or italic `mtext` (\textbf, \textit) gets the CSS that says so. Mutates `tree`.
 */
export function mathmlCoreVariants(tree: Root | Element): void {
  visit(tree, 'element', (el: Element) => {
    const variant = el.properties?.mathvariant;
    if (typeof variant !== 'string') return;
    if (TOKENS.has(el.tagName) && isMappedVariant(variant)) {
      for (const child of el.children) if (child.type === 'text') child.value = mathVariantChars(child.value, variant)!;
      delete el.properties.mathvariant;
    } else if (el.tagName === 'mtext' && TEXT_STYLE[variant]) {
      el.properties.style = [el.properties.style, TEXT_STYLE[variant]].filter(Boolean).join(';');
      delete el.properties.mathvariant;
    }
  });
}

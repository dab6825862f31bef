import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * A displayed equation wider than the column scrolls sideways; keyboard users can only scroll what they can
 * focus (WCAG 2.1.1), so every display block gets tabindex="0". Runs after rehype-katex.
 */
export function rehypeFocusableMath() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const cls = node.properties?.className;
      if (Array.isArray(cls) && cls.includes('katex-display')) node.properties.tabIndex = 0;
    });
  };
}

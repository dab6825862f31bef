import type { Root, Element } from 'hast';
import type { VFile } from 'vfile';
import katex from 'katex';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { visit, SKIP } from 'unist-util-visit';
import { mathmlCoreVariants } from './mathmlCoreVariants.ts';

// hast keeps class names as a list (remark-math sets ['language-math', 'math-inline'] on the code element).
const classes = (e: Element): string[] => e.properties?.className ?? [];

const mathOf = (e: Element): { tex: string; display: boolean } | null => {
  const code = e.tagName === 'pre' ? (e.children.find((c) => c.type === 'element' && c.tagName === 'code') as Element | undefined) : e;
  if (!code || code.tagName !== 'code') return null;
  const cls = classes(code);
  if (!cls.includes('math-inline') && !cls.includes('math-display')) return null;
  const tex = code.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
  return { tex, display: cls.includes('math-display') };
};

/**
 * Renders math inside speaker notes as MathML. The speaker window is an about:blank page that loads none of
 * our CSS, so KaTeX's HTML output would show twice and unstyled there; Chromium renders MathML natively, once
 * mathmlCoreVariants has written bold, blackboard and script letters as the characters MathML Core shows.
 * Runs before rehype-katex, which then leaves these nodes alone.
 */
export function rehypeNotesMath(options: { macros: Record<string, string> }) {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      const n = node as unknown as { type: string; name?: string; attributes?: { name: string; value: unknown }[] };
      if (n.type !== 'mdxJsxFlowElement' || n.name !== 'aside') return;
      if (!n.attributes?.some((a) => a.name === 'class' && a.value === 'notes')) return;
      visit(node as unknown as Root, 'element', (el, index, parent) => {
        const math = mathOf(el);
        if (!math || !parent || index === undefined) return;
        let html: string;
        try {
          html = katex.renderToString(math.tex, { output: 'mathml', displayMode: math.display, macros: { ...options.macros }, throwOnError: true, strict: 'error' });
        } catch (error) {
          file.fail(`KaTeX (speaker notes): ${(error as Error).message}`, el.position, 'notes-math:katex');
        }
        const fragment = fromHtmlIsomorphic(html!, { fragment: true });
        mathmlCoreVariants(fragment);
        parent.children.splice(index, 1, ...(fragment.children as Element[]));
        return [SKIP, index + 1];
      });
      return SKIP;
    });
  };
}

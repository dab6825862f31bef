import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withBase } from './deployment.ts';

/** Attributes that hold a URL the browser requests or follows. */
const URL_ATTRIBUTES = ['href', 'src'];

// An MDX JSX element as it sits in the hast tree: `<a href="/notation/">` written in MDX keeps this shape until
// the MDX compiler turns it into JavaScript. Capitalised names are components (SlideLink builds its own URL).
interface JsxElement { type: string; name: string | null; attributes: { type: string; name?: string; value?: unknown }[] }

const isSitePath = (value: unknown): value is string => typeof value === 'string' && value.startsWith('/') && !value.startsWith('//');

/**
 * Writes the site links authored in content (`[notation](/notation/)`, `<a href="/readings/…">`, slide deep links
 * `/slides/<deck>/#/<id>`, in slides, notes, readings and exercises) under the site's base, so a site built with
 * BASE_PATH=/course/ links to `/course/notation/`. Authors keep writing site paths: the link check
 * (remarkCollectLinks, checkLinks) reads them before this pass, against the built pages, which do not carry the base.
 */
export function rehypeBaseLinks(options: { base: string }) {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'element') {
        for (const name of URL_ATTRIBUTES) {
          const value = node.properties?.[name];
          if (isSitePath(value)) node.properties[name] = withBase(options.base, value);
        }
        return;
      }
      const jsx = node as unknown as JsxElement;
      if (jsx.type === 'mdxJsxFlowElement' || jsx.type === 'mdxJsxTextElement') {
        if (!jsx.name || !/^[a-z]/.test(jsx.name)) return;
        for (const a of jsx.attributes) {
          if (a.type === 'mdxJsxAttribute' && a.name && URL_ATTRIBUTES.includes(a.name) && isSitePath(a.value)) a.value = withBase(options.base, a.value);
        }
      }
    });
  };
}

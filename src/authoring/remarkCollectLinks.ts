import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { recordLink } from './linkRegistry.ts';

interface JsxNode { name?: string; attributes?: { type: string; name: string; value: unknown }[]; position?: { start: { line: number; column: number } } }

const attr = (n: JsxNode, name: string) => {
  const a = n.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
};

/**
 * Records every site-internal link (Markdown links, `<a href>`, `<SlideLink deck slide>`) with its file and
 * line. They are checked against the built pages after the build, where every page and slide id is known.
 */
export function remarkCollectLinks() {
  return (tree: Root, file: VFile) => {
    const where = (p?: { start: { line: number; column: number } }) => ({ file: file.path, line: p?.start.line ?? 0, column: p?.start.column ?? 0 });
    visit(tree, (node) => {
      if ((node.type === 'link' || node.type === 'definition') && node.url.startsWith('/')) {
        recordLink({ url: node.url, ...where(node.position) });
      }
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const n = node as unknown as JsxNode;
        if (n.name === 'SlideLink') {
          const deck = attr(n, 'deck');
          const slide = attr(n, 'slide');
          if (!deck || !slide) {
            file.fail('<SlideLink> needs literal deck="…" and slide="…" attributes, e.g. <SlideLink deck="emergence" slide="outline">.', node.position, 'links:slidelink');
          }
          recordLink({ url: `/slides/${deck}/#/${slide}`, ...where(n.position) });
        }
        if (n.name === 'a') {
          const href = attr(n, 'href');
          if (href?.startsWith('/')) recordLink({ url: href, ...where(n.position) });
        }
      }
    });
  };
}

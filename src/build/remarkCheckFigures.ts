import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

interface JsxNode { name?: string; attributes?: { type: string; name: string; value: unknown }[] }

/** Fails the build on `<Figure name="…">` naming a figure that is not registered, listing the ones that are. */
export function remarkCheckFigures(options: { names: readonly string[] }) {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const n = node as unknown as JsxNode;
      if (n.name !== 'Figure') return;
      const name = n.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'name')?.value;
      if (typeof name !== 'string') {
        file.fail('<Figure> needs a literal name="…" attribute.', node.position, 'figures:name');
      }
      if (!options.names.includes(name as string)) {
        file.fail(`Unknown figure "${name}". Known figures: ${options.names.join(', ')}.`, node.position, 'figures:unknown');
      }
    });
  };
}

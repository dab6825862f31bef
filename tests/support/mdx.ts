import { unified, type PluggableList } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import { VFile } from 'vfile';
import type { Root } from 'mdast';

/** Parses MDX source as the site does (MDX + math) and runs remark plugins on it, for unit tests. */
export async function runRemark(source: string, plugins: PluggableList, path = '/content/slides/deck.mdx'): Promise<{ tree: Root; file: VFile }> {
  const file = new VFile({ value: source, path });
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(plugins);
  const tree = (await processor.run(processor.parse(file), file)) as Root;
  return { tree, file };
}

/** A compact outline of JSX sections: `section#id[aside.notes]` per slide, nested for vertical stacks. */
export function outline(tree: Root): unknown[] {
  const walk = (nodes: unknown[]): unknown[] =>
    (nodes as { type: string; name?: string; attributes?: { name: string; value: string }[]; children?: unknown[] }[])
      .filter((n) => n.type === 'mdxJsxFlowElement' && n.name === 'section')
      .map((n) => {
        const id = n.attributes?.find((a) => a.name === 'id')?.value;
        const inner = walk(n.children ?? []);
        if (inner.length > 0) return inner;
        const notes = (n.children ?? []).some((c) => (c as { name?: string }).name === 'aside');
        return `${id}${notes ? '+notes' : ''}`;
      });
  return walk(tree.children);
}

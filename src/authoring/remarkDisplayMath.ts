import type { Root, Paragraph } from 'mdast';
import type { VFile } from 'vfile';

/**
 * remark-math reads `$$…$$` written on one line inside a paragraph as inline math. An author who writes a
 * paragraph that is nothing but `$$…$$` means a displayed equation, so make it one (KaTeX display mode).
 */
export function remarkDisplayMath() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value ?? '');
    const visit = (parent: { children: unknown[] }) => {
      parent.children.forEach((child, i) => {
        const node = child as Paragraph & { children?: unknown[] };
        if (node.type === 'paragraph' && node.children.length === 1 && node.children[0].type === 'inlineMath') {
          const math = node.children[0];
          const start = math.position?.start.offset;
          if (start !== undefined && source.startsWith('$$', start)) {
            parent.children[i] = { type: 'math', value: math.value, position: node.position, data: { hName: 'pre', hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value: math.value }] }] } };
            return;
          }
        }
        if (Array.isArray((node as { children?: unknown[] }).children)) visit(node as { children: unknown[] });
      });
    };
    visit(tree);
  };
}

import type { Root } from 'mdast';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';

export interface JsxAttr { type: string; name: string; value: unknown }
interface JsxNode { name?: string; attributes?: JsxAttr[] }

/** Calls `fn` on every MDX JSX element (flow or text) named `name`, with a lookup for its plain attributes. */
export function visitJsxElements(tree: Root, name: string, fn: (node: Node, attr: (attribute: string) => JsxAttr | undefined) => void): void {
  visit(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const n = node as unknown as JsxNode;
    if (n.name !== name) return;
    fn(node, (attribute) => n.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === attribute));
  });
}

/**
 * Evaluates an attribute written as a JS expression, e.g. params={{ s1: 2 }}, at build time. Sources not matching
 * `allowed` throw `message(source)`, so an author who writes a variable or a call gets told to write a literal.
 */
export function literalExpression(attr: JsxAttr, allowed: RegExp, message: (source: string) => string): unknown {
  const source = (attr.value as { value?: string } | null)?.value ?? '';
  if (!allowed.test(source)) throw new Error(message(source));
  return new Function(`return (${source});`)();
}

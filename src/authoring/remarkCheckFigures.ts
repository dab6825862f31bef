import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { resolveParams, type FigureSpec } from '../figures/FigureSpec.ts';
import { literalExpression, visitJsxElements, type JsxAttr } from './mdxJsx.ts';

/** Reads an attribute written as a literal object, e.g. params={{ s1: 2, eta: 0.1 }}. */
function literalObject(attr: JsxAttr): Record<string, number> {
  return literalExpression(attr, /^\s*\{[\s\w:.,+\-eE]*\}\s*$/, (source) => `params must be a literal object of numbers, e.g. params={{ s1: 2 }}; got {${source}}`) as Record<string, number>;
}

/**
 * Fails the build on a `<Figure>` the registry cannot draw: an unknown name (listing the known ones),
 * parameters a slider does not have or outside its range, or `steps` on a figure without a step build.
 */
export function remarkCheckFigures(options: { specs: Readonly<Record<string, FigureSpec<any>>> }) {
  const names = Object.keys(options.specs);
  return (tree: Root, file: VFile) => {
    visitJsxElements(tree, 'Figure', (node, attr) => {
      const name = attr('name')?.value;
      if (typeof name !== 'string') file.fail('<Figure> needs a literal name="…" attribute.', node.position, 'figures:name');
      const spec = options.specs[name as string];
      if (!spec) file.fail(`Unknown figure "${name}". Known figures: ${names.join(', ')}.`, node.position, 'figures:unknown');
      const params = attr('params');
      if (params) {
        try {
          resolveParams(spec, literalObject(params));
        } catch (error) {
          file.fail(`<Figure name="${name}">: ${(error as Error).message}`, node.position, 'figures:params');
        }
      }
      if (attr('steps') && !spec.steps) file.fail(`Figure "${name}" has no step build; remove the steps attribute.`, node.position, 'figures:steps');
    });
  };
}

import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { predictionNames, resolvePredictionParams } from './registry.ts';
import { literalExpression, visitJsxElements, type JsxAttr } from '../authoring/mdxJsx.ts';

/** Evaluates an attribute written as a literal expression of numbers, e.g. params={{ s1: 2 }} or tolerance={0.05}. */
function literal(attr: JsxAttr, what: string): unknown {
  return literalExpression(attr, /^[\s\w:.,+\-eE{}]*$/, (source) => `${what} must be a literal of numbers, e.g. params={{ s1: 2 }}; got {${source}}`);
}

/**
 * Fails the build, at the element's file:line, on a `<Predict>` the registry cannot run: an unknown check (listing
 * the known ones), parameters it does not have or out of range, a tolerance outside (0, 1), or a missing label.
 * Listed in src/authoring/contentPipeline.ts; Predict.astro repeats the check at render time as a second line of defence.
 */
export function remarkCheckPredictions() {
  return (tree: Root, file: VFile) => {
    visitJsxElements(tree, 'Predict', (node, attr) => {
      const check = attr('check')?.value;
      if (typeof check !== 'string') file.fail('<Predict> needs a literal check="…" attribute.', node.position, 'predict:check');
      if (!predictionNames.includes(check as never)) {
        file.fail(`Unknown prediction check "${check}". Known checks: ${predictionNames.join(', ')} (src/predictions/registry.ts).`, node.position, 'predict:unknown');
      }
      try {
        const params = attr('params');
        resolvePredictionParams(check as string, params ? (literal(params, 'params') as Record<string, unknown>) : {});
        const tolerance = attr('tolerance');
        if (tolerance) {
          const t = literal(tolerance, 'tolerance');
          if (!(typeof t === 'number' && t > 0 && t < 1)) throw new Error(`tolerance must be a relative error in (0, 1), such as 0.05; got ${String(t)}`);
        }
      } catch (error) {
        file.fail(`<Predict check="${check}">: ${(error as Error).message}`, node.position, 'predict:params');
      }
      const label = attr('label')?.value;
      if (typeof label !== 'string' || label.trim() === '') file.fail(`<Predict check="${check}"> needs a visible label="…" for its input.`, node.position, 'predict:label');
    });
  };
}

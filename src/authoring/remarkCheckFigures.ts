import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { resolveParams, type FigureSpec } from '../figures/FigureSpec.ts';
import { literalExpression, visitJsxElements, type JsxAttr } from './mdxJsx.ts';

/** Reads an attribute written as a literal object, e.g. params={{ s1: 2, eta: 0.1 }}. */
function literalObject(attr: JsxAttr): Record<string, number> {
  return literalExpression(attr, /^\s*\{[\s\w:.,+\-eE]*\}\s*$/, (source) => `params must be a literal object of numbers, e.g. params={{ s1: 2 }}; got {${source}}`) as Record<string, number>;
}

/**
 * A caption sentence that tells the reader to work the controls ("Move the ζ slider…", "Click in the left
 * panel…") — meaningless on paper, where the caption also prints. Saying what the default controls show ("at
 * the slider's λ", "the default sliders") is allowed: the printed caption lists those values.
 */
export function interactionSentences(caption: string): string[] {
  return caption
    .split(/(?<=[.!?])\s+(?=[A-Z])/)
    .filter((s) => /^(Move|Drag|Click|Try|Use|Switch|Press|Pick|Slide|Set|Watch)\b/.test(s) || /\b(sliders?|clicks?|drag)\b/i.test(s.replace(/\bslider's\b|\bdefault sliders?\b/gi, '')));
}

/**
 * Fails the build on a `<Figure>` the registry cannot draw: an unknown name (listing the known ones),
 * parameters a slider does not have or outside its range, `steps` on a figure without a step build, or a
 * caption that tells the reader to use the controls (that belongs in `explore`, which does not print).
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
      const caption = attr('caption')?.value;
      const interaction = typeof caption === 'string' ? interactionSentences(caption) : [];
      if (interaction.length > 0) {
        file.fail(`<Figure name="${name}">: the caption is printed too, where there are no controls to use: move "${interaction.join(' ')}" into explore="…", which shows on screen only.`, node.position, 'figures:caption');
      }
      if (attr('steps') && !spec.steps) file.fail(`Figure "${name}" has no step build; remove the steps attribute.`, node.position, 'figures:steps');
    });
  };
}

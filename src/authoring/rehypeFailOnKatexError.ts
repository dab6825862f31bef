import type { VFile } from 'vfile';

/**
 * rehype-katex only records bad LaTeX as a warning and renders it red; this turns its first message into a
 * build failure that keeps the file, line and column.
 */
export function rehypeFailOnKatexError() {
  return (_tree: unknown, file: VFile) => {
    const message = file.messages.find((m) => m.source === 'rehype-katex');
    if (message) {
      const cause = (message.cause as Error | undefined)?.message ?? message.reason;
      file.fail(`KaTeX: ${cause}. Fix the LaTeX (shared macros are in src/content/katexMacros.ts).`, message.place, 'rehype-katex:fatal');
    }
  };
}

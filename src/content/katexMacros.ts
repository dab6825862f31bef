/**
 * The one macro table for all math on the site (build-time KaTeX in content and in speaker notes).
 * Read-only by convention: content must not use \gdef, which would mutate it between files.
 */
export const katexMacros: Readonly<Record<string, string>> = {
  '\\R': '\\mathbb{R}',
  '\\E': '\\mathbb{E}',
  '\\Tr': '\\operatorname{Tr}',
  '\\diag': '\\operatorname{diag}',
  '\\rank': '\\operatorname{rank}',
  '\\sign': '\\operatorname{sign}',
  '\\argmin': '\\operatorname*{arg\\,min}',
  '\\Loss': '\\mathcal{L}',
  /** Left and right singular vectors of the teacher, bold so they never read as the mode strength u_i. */
  '\\uvec': '\\mathbf{u}',
  '\\vvec': '\\mathbf{v}',
};

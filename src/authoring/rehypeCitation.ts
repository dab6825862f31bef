import type RehypeCitation from 'rehype-citation';

/**
 * rehype-citation, loaded without Node's `punycode` deprecation warning (DEP0040).
 *
 * Why: rehype-citation 2.3.2 (the latest release) bundles node-fetch 2 → whatwg-url 5 → tr46 into its Node
 * build, and that code does `import punycode from 'punycode'`: Node's own module, deprecated since Node 21.
 * Node leaves out this warning when the import comes from node_modules, but cannot tell for an ES module
 * import (there is no caller on the stack), so every build and test run printed it. We never reach that code
 * (no remote fetches: the bibliography is a local file). Upstream: timlrx/rehype-citation#64, fixed by the
 * open PR #65 (https://github.com/timlrx/rehype-citation/pull/65). Once a release has it, import
 * 'rehype-citation' directly again and delete this file.
 *
 * Only DEP0040, and only while this one module loads: any other warning still prints.
 */
const emitWarning = process.emitWarning;
// emitWarning(warning, type, code) or emitWarning(warning, { code }): the deprecation code is in either place.
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const code = typeof rest[0] === 'object' ? (rest[0] as { code?: unknown } | null)?.code : rest[1];
  if (code === 'DEP0040') return;
  Reflect.apply(emitWarning, process, [warning, ...rest]);
}) as typeof emitWarning;
let loaded: typeof import('rehype-citation');
try {
  loaded = await import('rehype-citation');
} finally {
  process.emitWarning = emitWarning;
}

export const rehypeCitation: typeof RehypeCitation = loaded.default;

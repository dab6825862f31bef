import { readFileSync } from 'node:fs';

/** The citation keys defined in a BibTeX file (`@type{key,`), without a full BibTeX parse. */
export function bibKeys(bibPath: string): Set<string> {
  const text = readFileSync(bibPath, 'utf8');
  return new Set([...text.matchAll(/@\w+\s*\{\s*([^,\s]+)\s*,/g)].map((m) => m[1]));
}

/**
 * The committed long engine runs a figure may draw (`data/precomputed/<name>.json`, written by
 * `npm run precompute -- <name>`; README "Build-time cache and precompute"). Too long to run at build time or in
 * a worker, so hosts read them: from disk at build time, by a hashed asset URL in the browser.
 */
export const precomputedNames = ['modular-addition-grok', 'modular-addition-stuck'] as const;
export type PrecomputedName = (typeof precomputedNames)[number];

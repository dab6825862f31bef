/** Bumped whenever a change alters any model's numbers; part of every cache key and precompute file. */
export const ENGINE_VERSION = '1.2.0';

import { resolve } from 'node:path';

/**
 * Folder holding slides/, readings/, exercises/ and references.bib. The repository root by default; tests
 * point COURSE_CONTENT_ROOT at small fixtures to check that bad content fails the build.
 */
export const contentRoot = resolve(process.env.COURSE_CONTENT_ROOT ?? '.');

import { z } from 'astro/zod';
import { objectiveIds } from '../objectives.ts';

/** A list of learning-objective ids from src/content/objectives.ts; an unknown id names the valid ones. */
export const objectivesField = z
  .array(
    z.enum(objectiveIds, {
      error: (issue) => `unknown objective id ${JSON.stringify(issue.input)}. Use one of: ${objectiveIds.join(', ')} (defined in src/content/objectives.ts).`,
    }),
  )
  .min(1, 'list at least one learning objective this page teaches, e.g. objectives: [ir-concept]');

/** Error for a frontmatter key the schema does not define, listing the ones it does. */
export const unknownKeyMessage = (allowed: readonly string[]) => (issue: { code: string; keys?: string[] }) =>
  issue.code === 'unrecognized_keys'
    ? `unknown frontmatter field(s) ${issue.keys?.map((k) => JSON.stringify(k)).join(', ')}. Allowed fields: ${allowed.join(', ')}.`
    : undefined;

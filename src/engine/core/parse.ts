import type { z } from 'zod';
import { ScenarioError } from './scenarioError.ts';
import { descriptionAt } from './schemaHelpers.ts';

function fieldName(path: PropertyKey[]): string {
  return path.length ? path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[') : '(scenario)';
}

/** Turns zod issues into one line per problem: field path, what is wrong, and what is allowed. */
export function formatIssues(schema: z.ZodType, issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length ? `${fieldName(issue.path)}.` : '';
      return issue.keys
        .map((k) => `${where}${k}: unknown field; remove it or check its spelling`)
        .join('\n  - ');
    }
    const hint = descriptionAt(schema, issue.path);
    return `${fieldName(issue.path)}: ${issue.message}${hint ? ` (allowed: ${hint})` : ''}`;
  });
}

export function parseWith<S>(schema: z.ZodType<S>, json: unknown): S {
  const r = schema.safeParse(json);
  if (!r.success) throw new ScenarioError(formatIssues(schema, r.error.issues));
  return r.data;
}

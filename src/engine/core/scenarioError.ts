/**
 * Thrown for any invalid scenario. `issues` lists one readable line per problem, each starting with
 * the field path, so a figure author (or the CLI) can print it verbatim.
 */
export class ScenarioError extends Error {
  issues: string[];
  constructor(issues: string[]) {
    super(`Invalid scenario:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

import { parseWith } from './parse.ts';
import { registry, modelNames } from './registry.ts';
import { ScenarioError } from './scenarioError.ts';
import type { RunOptions, Trajectory } from './trajectory.ts';

/**
 * Validate a JSON scenario: it must name a registered model, and every field must satisfy that
 * model's schema. Returns the resolved scenario with defaults filled in; throws ScenarioError.
 */
export function parseScenario(json: unknown): Record<string, unknown> & { model: string; seed: number } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ScenarioError(['(scenario): expected a JSON object like {"model": "dln", ...}']);
  }
  const model = (json as { model?: unknown }).model;
  if (typeof model !== 'string' || !(model in registry)) {
    throw new ScenarioError([
      `model: ${model === undefined ? 'missing' : `unknown model ${JSON.stringify(model)}`}; use one of ${modelNames().join(', ')}`,
    ]);
  }
  return parseWith(registry[model].schema, json) as Record<string, unknown> & { model: string; seed: number };
}

/** Parse and run a scenario. Never returns NaN: divergence is reported in `diverged`. */
export function runScenario(json: unknown, opts: RunOptions = {}): Trajectory {
  const scenario = parseScenario(json);
  return registry[scenario.model].run(scenario, opts);
}

import type { z } from 'zod';
import type { RunOptions, Trajectory } from './trajectory.ts';
import { dlnSchema } from '../models/dln/dlnSchema.ts';
import { runDln } from '../models/dln/runDln.ts';
import { modularAdditionSchema, runModularAddition } from '../models/modular/modularAddition.ts';

/** A model: a zod schema for its scenario and a pure run function of the parsed scenario. */
export interface ModelEntry<S = any> {
  schema: z.ZodType<S>;
  run: (scenario: S, opts?: RunOptions) => Trajectory;
  /** One line for docs and error messages. */
  description: string;
}

function entry<S>(schema: z.ZodType<S>, run: (s: S, o?: RunOptions) => Trajectory, description: string): ModelEntry<S> {
  return { schema, run, description };
}

export const registry: Record<string, ModelEntry> = {
  dln: entry(dlnSchema, runDln, 'deep linear network on a linear teacher: gradient flow, GD or SGD'),
  'modular-addition': entry(modularAdditionSchema, runModularAddition, 'PAIR MLP grokking (a + b) mod p with AdamW'),
};

export function modelNames(): string[] {
  return Object.keys(registry).sort();
}

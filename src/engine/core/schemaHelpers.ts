import { z } from 'zod';

/** Fields shared by every scenario: the model name (discriminator) and the seed. */
export function baseFields<N extends string>(name: N) {
  return {
    /** Which model to run; must match a key of the registry. */
    model: z.literal(name).describe(`model name, always "${name}"`),
    /** Seed of the engine's PRNG; same scenario and seed give bit-identical output. */
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(0).describe('integer PRNG seed in [0, 2^32)'),
  };
}

/** A positive finite number with inclusive bounds. */
export function num(min: number, max: number, description: string) {
  return z.number().min(min).max(max).describe(`${description} (range [${min}, ${max}])`);
}

export function int(min: number, max: number, description: string) {
  return z.number().int().min(min).max(max).describe(`${description} (integer in [${min}, ${max}])`);
}

interface ZodInternals {
  _zod: { def: { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; in?: z.ZodType } };
  description?: string;
}

/** Walks a schema along an issue path to find the field's description, for "how to fix" hints. */
export function descriptionAt(schema: z.ZodType, path: PropertyKey[]): string | undefined {
  let cur: ZodInternals | undefined = schema as unknown as ZodInternals;
  let lastDescription = cur?.description;
  const unwrap = (s: ZodInternals): ZodInternals => {
    let x = s;
    for (let i = 0; i < 10; i++) {
      const d = x._zod.def;
      if ((d.type === 'default' || d.type === 'optional' || d.type === 'nullable' || d.type === 'prefault') && d.innerType) {
        lastDescription = (d.innerType as unknown as ZodInternals).description ?? lastDescription;
        x = d.innerType as unknown as ZodInternals;
      } else if (d.type === 'pipe' && d.in) x = d.in as unknown as ZodInternals;
      else break;
    }
    return x;
  };
  for (const key of path) {
    if (!cur) return undefined;
    cur = unwrap(cur);
    const d = cur._zod.def;
    if (d.type === 'object' && d.shape && typeof key === 'string') cur = d.shape[key] as unknown as ZodInternals;
    else if (d.type === 'array' && d.element) cur = d.element as unknown as ZodInternals;
    else if (d.type === 'union' && d.options) {
      const hit = d.options.map((o) => descriptionAt(o, [key])).find(Boolean);
      return hit;
    } else return undefined;
    lastDescription = cur?.description;
  }
  return cur?.description ?? lastDescription;
}

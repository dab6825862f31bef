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
  // Returns the first description found while peeling default/optional/pipe wrappers.
  const peel = (s: ZodInternals): { inner: ZodInternals; description?: string } => {
    let x = s;
    let description = x.description;
    for (let i = 0; i < 10; i++) {
      const d = x._zod.def;
      const next = (['default', 'optional', 'nullable', 'prefault', 'readonly'].includes(d.type) ? d.innerType : d.type === 'pipe' ? d.in : undefined) as ZodInternals | undefined;
      if (!next) break;
      x = next;
      description ??= x.description;
    }
    return { inner: x, description };
  };
  let cur = schema as unknown as ZodInternals;
  for (let k = 0; k < path.length; k++) {
    const { inner } = peel(cur);
    const d = inner._zod.def;
    const key = path[k];
    if (d.type === 'object' && d.shape && typeof key === 'string' && d.shape[key]) cur = d.shape[key] as unknown as ZodInternals;
    else if (d.type === 'array' && d.element) cur = d.element as unknown as ZodInternals;
    else if (d.type === 'union' && d.options) {
      for (const o of d.options) {
        const hit = descriptionAt(o, path.slice(k));
        if (hit) return hit;
      }
      return undefined;
    } else return undefined;
  }
  return peel(cur).description;
}

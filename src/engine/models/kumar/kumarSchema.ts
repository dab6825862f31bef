import { z } from 'zod';
import { baseFields, int, num } from '../../core/schemaHelpers.ts';

/**
 * Grokking as the lazy→rich transition (Kumar, Bordelon, Gershman & Pehlevan 2024, arXiv:2310.06110):
 * committee machine f(x) = (α/N) Σ_i φ(w_i·x), φ(h) = h + (ε/2)h², readouts fixed, centred predictor,
 * quadratic target y = ½(β·x)², x ~ N(0, I/D), plain GD on ½Σ_μ(f̃_μ − y_μ)² with per-neuron learning
 * rate η0·N/α² (docs/engine-models.md).
 */
export const kumarSchema = z
  .strictObject({
    ...baseFields('kumar-grokking'),
    /** Input dimension D. */
    D: int(2, 200, 'input dimension').default(20),
    /** Number of training samples P (grokking needs D ≪ P ≪ D²). */
    P: int(1, 5000, 'training samples').default(80),
    /** Number of neurons N (direct simulation, and the sampled initial (w̄, M)). */
    N: int(1, 5000, 'neurons').default(100),
    /** Nonlinearity strength ε in φ(h) = h + (ε/2)h² (initial kernel–task alignment). */
    epsilon: num(1e-6, 10, 'ε').default(0.1),
    /** Output scale α (large: lazy/kernel; small: rich). */
    alpha: num(1e-3, 1e4, 'output scale α').default(1),
    /** Base learning rate η0; per-neuron lr is η0·N/α², so the closed dynamics have prefactor η0/α. */
    eta0: num(1e-7, 10, 'base learning rate').default(0.03),
    /** Number of GD steps; time is t = step·η0. */
    steps: int(1, 5_000_000, 'number of GD steps').default(30_000),
    /** Number of records. */
    records: int(2, 5000, 'number of records').default(200),
    /** Record times spaced linearly or logarithmically in the step count. */
    recordSpacing: z.enum(['linear', 'log']).default('log').describe('"linear" or "log"'),
    /** "closed": exact (w̄, M) closure, O(PD²)/step; "direct": N-neuron GD, O(NPD)/step. */
    method: z.enum(['closed', 'direct']).default('closed').describe('"closed" or "direct"'),
    /** Initial (w̄, M): "sampled" from N Gaussian neurons (matches direct), or the wide limit w̄ = 0, M = I. */
    init: z.enum(['sampled', 'wide']).default('sampled').describe('"sampled" or "wide"'),
  })
  .superRefine((s, ctx) => {
    if (s.method === 'direct' && s.init === 'wide') {
      ctx.addIssue({ code: 'custom', path: ['init'], message: 'the direct N-neuron simulation needs init "sampled"' });
    }
  });
export type KumarScenario = z.infer<typeof kumarSchema>;

/** Step indices at which to record: linear or geometric, always including 0 and the last step. */
export function recordSteps(steps: number, records: number, spacing: 'linear' | 'log'): Set<number> {
  const out = new Set<number>([0, steps]);
  for (let i = 1; i < records; i++) {
    const f = i / (records - 1);
    out.add(spacing === 'linear' ? Math.round(f * steps) : Math.round(Math.pow(steps, f)));
  }
  return out;
}

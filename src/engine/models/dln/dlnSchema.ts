import { z } from 'zod';
import { baseFields, int, num } from '../../core/schemaHelpers.ts';

const initSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('gaussian'),
    /** Std of i.i.d. Gaussian entries of every W_l (small σ: saddle-to-saddle; large: lazy). */
    sigma: num(0, 10, 'std of the Gaussian entries').default(1e-3),
  }),
  z.strictObject({
    kind: z.literal('balanced'),
    /** Initial singular values of the product W (all modes), random singular bases, G_l = 0. */
    u0: num(1e-12, 10, 'initial singular value of the product').default(1e-3),
  }),
  z.strictObject({
    kind: z.literal('aligned'),
    /** Initial strength of every teacher mode; singular bases equal the teacher's (Saxe's decoupled modes). */
    u0: num(1e-12, 10, 'initial mode strength').default(1e-3),
  }),
  z.strictObject({
    kind: z.literal('lambda'),
    /** λ in W2ᵀW2 − W1W1ᵀ = λI (L = 2 only); 0 is balanced/rich, |λ| ≫ s lazy. */
    lambda: num(-100, 100, 'balancedness λ').default(0),
    /** Initial mode strength u = ab of every mode. */
    u0: num(-10, 10, 'initial mode strength').default(1e-3),
    /** Use the teacher's singular bases (decoupled modes) or random ones. */
    aligned: z.boolean().default(true).describe('true to align with the teacher'),
  }),
]);

const optimizerSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('flow'),
    /** Relative tolerance of the Dormand–Prince 5(4) integrator. */
    rtol: num(1e-13, 1e-2, 'relative tolerance').default(1e-9),
    /** Absolute tolerance of the integrator. */
    atol: num(1e-30, 1e-2, 'absolute tolerance').default(1e-12),
  }),
  z.strictObject({
    kind: z.literal('gd'),
    /** Learning rate; time is t = step·η. */
    eta: num(1e-6, 10, 'learning rate').default(1e-3),
  }),
  z.strictObject({
    kind: z.literal('sgd'),
    /** Learning rate; time is t = step·η. */
    eta: num(1e-6, 10, 'learning rate').default(1e-3),
    /** Minibatch size (dataset data only). */
    batchSize: int(1, 10_000, 'minibatch size').default(8),
  }),
]);

/** Deep linear network f(x) = W_L⋯W_1 x on a linear teacher y = Mx (docs/engine-models.md). */
export const dlnSchema = z
  .strictObject({
    ...baseFields('dln'),
    /** Layer widths [n0 (input), n1, …, nL (output)]; depth L = widths.length − 1 ≥ 2. */
    widths: z.array(int(1, 64, 'layer width')).min(3).max(9).default([6, 6, 6]).describe('array of 3–9 widths in [1, 64]'),
    /** Teacher map M = U diag(s) Vᵀ. */
    teacher: z
      .strictObject({
        /** Singular values of M (descending recommended); padded with zeros to min(n0, nL). */
        singularValues: z.array(num(0, 100, 'teacher singular value')).min(1).default([3, 2, 1, 0.5]),
        /** Singular bases of M: identity columns or Haar-random (seeded). */
        basis: z.enum(['identity', 'random']).default('random').describe('"identity" or "random"'),
      })
      .default({ singularValues: [3, 2, 1, 0.5], basis: 'random' }),
    /** Population loss (whitened inputs) or a finite dataset. */
    data: z
      .discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('population') }),
        z.strictObject({
          kind: z.literal('dataset'),
          /** Number of training inputs P. */
          samples: int(1, 10_000, 'number of samples').default(32),
          /** Whiten the inputs so Σxx = I exactly (needs samples ≥ n0). */
          whiten: z.boolean().default(true).describe('true to whiten inputs'),
          /** Fixed label noise std in the dataset (y = Mx + σξ). */
          noise: num(0, 100, 'label noise std of the dataset').default(0),
        }),
      ])
      .default({ kind: 'population' })
      .describe('{kind:"population"} (loss ½‖M − W‖²) or {kind:"dataset", samples, whiten, noise}'),
    /** Initialisation: gaussian, balanced, aligned (Saxe modes) or λ-balanced. */
    init: initSchema.default({ kind: 'aligned', u0: 1e-3 }).describe('{kind: "gaussian"|"balanced"|"aligned"|"lambda", …}'),
    /** Gradient flow (adaptive DP5(4)), full-batch GD or minibatch SGD. */
    optimizer: optimizerSchema.default({ kind: 'flow', rtol: 1e-9, atol: 1e-12 }).describe('{kind: "flow"|"gd"|"sgd", …}'),
    /** Fresh label noise std added at every GD/SGD step (dataset only). */
    labelNoise: num(0, 100, 'per-step label noise std').default(0),
    /** Final time (t = step·η for GD/SGD). */
    T: num(1e-6, 1e6, 'final time').default(8),
    /** Number of records along [0, T]. */
    records: int(1, 20_000, 'number of records').default(200),
    /** Compute NTK observables (costs O((P·nL)²) per record). */
    ntk: z.boolean().default(true).describe('true to compute NTK change and alignment'),
    /** Number of probe inputs for the NTK (identity basis for population data, first samples otherwise). */
    ntkProbes: int(1, 64, 'number of NTK probe inputs').default(16),
  })
  .superRefine((s, ctx) => {
    const n0 = s.widths[0], nL = s.widths[s.widths.length - 1];
    if (s.teacher.singularValues.length > Math.min(n0, nL)) {
      ctx.addIssue({ code: 'custom', path: ['teacher', 'singularValues'], message: `has ${s.teacher.singularValues.length} values but min(n0, nL) = ${Math.min(n0, nL)}; remove values or widen the input/output layer` });
    }
    if (s.init.kind === 'lambda') {
      if (s.widths.length !== 3) ctx.addIssue({ code: 'custom', path: ['init', 'kind'], message: 'λ-balanced init needs depth 2 (widths of length 3); use "balanced" for deeper nets' });
      else if (s.widths[1] > Math.min(n0, nL)) ctx.addIssue({ code: 'custom', path: ['widths'], message: 'λ-balanced init needs n1 ≤ min(n0, n2) so that W2ᵀW2 − W1W1ᵀ = λI can hold' });
    }
    if (s.data.kind === 'population' && (s.optimizer.kind === 'sgd' || s.labelNoise > 0)) {
      ctx.addIssue({ code: 'custom', path: ['data'], message: 'SGD and labelNoise need {kind: "dataset"} data' });
    }
    if (s.data.kind === 'dataset' && s.data.whiten && s.data.samples < n0) {
      ctx.addIssue({ code: 'custom', path: ['data', 'samples'], message: `whitening needs samples ≥ n0 = ${n0}; add samples or set whiten: false` });
    }
    if (s.optimizer.kind === 'flow' && s.labelNoise > 0) {
      ctx.addIssue({ code: 'custom', path: ['labelNoise'], message: 'label noise needs a discrete optimiser (gd or sgd)' });
    }
  });
export type DlnScenario = z.infer<typeof dlnSchema>;

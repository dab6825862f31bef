import type { z } from 'zod';
import type { RunOptions, Trajectory } from './trajectory.ts';
import { dlnSchema } from '../models/dln/dlnSchema.ts';
import { runDln } from '../models/dln/runDln.ts';
import { eosXySchema, runEosXy } from '../models/eos/eosXy.ts';
import { scalarTwoLayerSchema, runScalarTwoLayer } from '../models/scalar/scalarTwoLayer.ts';
import { eosMlpSchema, runEosMlp } from '../models/eos/eosMlp.ts';
import { diagonalSchema, runDiagonal } from '../models/diagonal/diagonalNet.ts';
import { kumarSchema } from '../models/kumar/kumarSchema.ts';
import { runKumar } from '../models/kumar/kumarGrokking.ts';
import { isingSchema, runIsing } from '../models/phase/isingMeanField.ts';
import { foldSchema, runFold } from '../models/phase/noisyFold.ts';
import { gromovSchema, runGromov } from '../models/modular/gromov.ts';
import { lazySchema, runLazy } from '../models/lazy/lazyScaling.ts';
import { singleNeuronSchema, runSingleNeuron } from '../models/lazy/singleNeuron.ts';
import { quarticSdeSchema, runQuarticSde } from '../models/phase/quarticSde.ts';
import { modularAdditionSchema, runModularAddition } from '../models/modular/modularAddition.ts';
import { mirageSchema, runMirage } from '../models/mirage/mirage.ts';
import { dmftLinearSchema, runDmftLinear } from '../models/dmft/dmftLinear.ts';

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
  'scalar-two-layer': entry(scalarTwoLayerSchema, runScalarTwoLayer, 'GD on ½(s − w₁w₂)²: strict saddle, degenerate minima, stable iff η(w₁² + w₂²) < 2'),
  'eos-xy': entry(eosXySchema, runEosXy, 'GD on ¼(1 − x²y²)² with exact sharpness (Zhu et al. 2023)'),
  'eos-mlp': entry(eosMlpSchema, runEosMlp, 'GD on a tanh MLP fitting a Chebyshev polynomial; sharpness by power iteration'),
  diagonal: entry(diagonalSchema, runDiagonal, 'diagonal linear network β = u⊙u − v⊙v on sparse regression (lazy ↔ rich via α)'),
  'kumar-grokking': entry(kumarSchema, runKumar, 'committee machine on a quadratic target: grokking as lazy → rich (Kumar et al. 2024)'),
  'ising-mf': entry(isingSchema, runIsing, 'mean-field Ising sweeps in T or B: continuous vs first-order transitions, hysteresis'),
  fold: entry(foldSchema, runFold, 'noisy fold bifurcation with a ramped parameter and early-warning statistics'),
  'gromov-modular': entry(gromovSchema, runGromov, 'Gromov’s analytic quadratic-MLP solution of (a + b) mod p (accuracy check)'),
  'lazy-scaling': entry(lazySchema, runLazy, 'two-layer tanh net with output scale α: lazy (kernel) vs rich training (Chizat et al. 2019)'),
  'single-neuron': entry(singleNeuronSchema, runSingleNeuron, 'Kunin et al. single neuron f = a wᵀx: imbalance δ selects lazy vs rich'),
  'quartic-sde': entry(quarticSdeSchema, runQuarticSde, 'stochastic collapse: quartic-well SDE with multiplicative noise (Chen et al. 2023)'),
  'modular-addition': entry(modularAdditionSchema, runModularAddition, 'PAIR MLP grokking (a + b) mod p with AdamW'),
  mirage: entry(mirageSchema, runMirage, 'metric-choice toy: smooth per-token accuracy 1 − cN^(−a) vs exact match p^L of an L-token answer (Schaeffer et al. 2023)'),
  'dmft-linear': entry(dmftLinearSchema, runDmftLinear, 'DMFT of a two-layer linear net in the mean-field parametrisation (γ₀), with a finite-width GD network alongside (Bordelon & Pehlevan 2022)'),
};

export function modelNames(): string[] {
  return Object.keys(registry).sort();
}

/**
 * The module's learning objectives, defined once.
 *
 * Every slide deck, reading and exercise declares in its frontmatter which of these ids it covers;
 * the content schema rejects any other id, and the home page lists each objective with links to
 * every page that teaches it. Ids are stable: links and bookmarks depend on them, so rename only
 * with a redirect plan.
 */
export interface Objective {
  /** Stable id, `ir-…` for implicit regularization, `em-…` for emergence. */
  readonly id: string;
  /** Which half of the module teaches it. */
  readonly part: 'implicit-regularization' | 'emergence';
  /** What a student can do afterwards, phrased as an outcome. */
  readonly text: string;
}

export const objectives = [
  { id: 'ir-concept', part: 'implicit-regularization', text: 'Explain implicit regularization: how an optimiser selects one minimiser among the many that fit the data, as opposed to an explicit penalty.' },
  { id: 'ir-safety', part: 'implicit-regularization', text: 'Argue why the implicit bias of training matters for AI safety.' },
  { id: 'ir-dln-landscape', part: 'implicit-regularization', text: 'State the key results on the loss landscape of deep linear networks: every critical point is a global minimum or a saddle, and the critical values form a staircase.' },
  { id: 'ir-symmetries', part: 'implicit-regularization', text: 'Describe the symmetries of deep linear networks and why their minima are degenerate, never isolated.' },
  { id: 'ir-edge-of-stability', part: 'implicit-regularization', text: 'Explain the stability threshold 2/η of gradient descent and the edge-of-stability phenomenon.' },
  { id: 'ir-gf-equations', part: 'implicit-regularization', text: 'Derive the gradient-flow equations of a deep linear network.' },
  { id: 'ir-conserved-quantities', part: 'implicit-regularization', text: 'Derive the conserved quantities of gradient flow from the symmetries and use them to reduce the dynamics.' },
  { id: 'ir-ntk', part: 'implicit-regularization', text: 'Explain the neural tangent kernel, function-space dynamics, and why deep linear networks are not kernel machines.' },
  { id: 'ir-saddle-to-saddle', part: 'implicit-regularization', text: 'Derive the simplicity bias of small initialisation: saddle-to-saddle dynamics and learning time inversely proportional to the singular value.' },
  { id: 'ir-lazy-rich', part: 'implicit-regularization', text: 'Explain how initialisation (scale and balancedness) selects the lazy, rich or mixed regime.' },
  { id: 'ir-stochasticity', part: 'implicit-regularization', text: 'Explain why the implicit bias of gradient noise depends on the training regime.' },
  { id: 'ir-free-energy', part: 'implicit-regularization', text: 'State under which assumptions gradient dynamics of deep linear networks can be read as descent of a free energy.' },
  { id: 'em-puzzle', part: 'emergence', text: 'Describe the puzzle of emergent capabilities and the metric-choice (mirage) objection.' },
  { id: 'em-examples', part: 'emergence', text: 'Describe toy models and examples of emergence during training: silent alignment, grokking, induction heads, emergent misalignment.' },
  { id: 'em-phase-transitions', part: 'emergence', text: 'Explain phase transitions: order parameters, first- versus second-order transitions, hysteresis.' },
  { id: 'em-mean-field', part: 'emergence', text: 'Explain the idea of mean-field theory on the Ising model.' },
  { id: 'em-dmft', part: 'emergence', text: 'Explain, at a high level, dynamical mean-field theory as a theory of feature learning and emergence during training.' },
  { id: 'em-grokking-lazy-rich', part: 'emergence', text: 'Explain grokking as a transition from lazy to rich dynamics in a solvable toy model.' },
  { id: 'em-early-warning', part: 'emergence', text: 'Discuss early-warning signals and order parameters as tools to detect emergence, and their limits.' },
] as const satisfies readonly Objective[];

export type ObjectiveId = (typeof objectives)[number]['id'];

export const objectiveIds = objectives.map((o) => o.id) as [ObjectiveId, ...ObjectiveId[]];

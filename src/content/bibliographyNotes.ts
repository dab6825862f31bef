/**
 * The bibliography page's grouping and annotations, kept apart from references.bib.
 *
 * BibTeX stays pure metadata (it feeds citeproc and every citation check), while the groups and the
 * one-line notes are ours: the groups follow the sections of the original course's reading list, so a
 * student can move between the page and that list, and each note says in our own words what the paper
 * shows or why the course cites it, never a copy of its abstract. Unit tests keep this file and
 * references.bib in step: every key has a note, no note names a key that is not there.
 */

/**
 * The reading list's sections, in its order (content-spec §1.7), plus one group for the classic and
 * cross-cutting work that list leaves implicit. The page shows the sections in this order.
 */
export const bibliographySections = [
  { id: 'landscape', title: 'Loss landscape geometry', blurb: 'Where the critical points of a deep linear network lie and what kind they are, the map every trajectory of the course moves on.' },
  { id: 'gradient-flow', title: 'Implicit biases of gradient flow', blurb: 'Which solution continuous-time training selects, through conserved quantities, initialization scale and balance, and the order in which modes are learned.' },
  { id: 'learning-rate', title: 'Learning rate: discrete gradient descent', blurb: 'What a finite step adds to gradient flow: the 2/η stability threshold and the edge-of-stability regime that sits on it.' },
  { id: 'stochasticity', title: 'Stochasticity', blurb: 'When minibatch noise changes where training ends up and when it only changes how fast it gets there.' },
  { id: 'emergence-empirical', title: 'Emergence: empirical examples', blurb: 'Abrupt capability changes observed with scale or training time, from grokking and induction heads to emergent misalignment.' },
  { id: 'emergence-theory', title: 'Theoretical approaches to emergence', blurb: 'Models in which a sharp change in behaviour can be derived: lazy-to-rich transitions, mean-field and dynamical field theories, phase transitions.' },
  { id: 'background', title: 'Classic and cross-cutting background', blurb: 'Work the course leans on across both lectures: emergence in physics, scaling laws, singular learning theory and early-warning signals of tipping points.' },
] as const;

/** One of the ids above; a note naming any other section does not compile. */
export type SectionId = (typeof bibliographySections)[number]['id'];

/** Where a references.bib entry is listed, and our one-line reason for citing it. */
export interface BibliographyNote {
  readonly section: SectionId;
  /** One line, at most 200 characters, in our own words. */
  readonly note: string;
}

/**
 * One note per references.bib key (the keys are cited across the site, so they are never renamed here).
 * Within a section, entries follow the order of references.bib, not of this object.
 */
export const bibliographyNotes: Readonly<Record<string, BibliographyNote>> = {
  // Loss landscape geometry
  baldi1989neural: { section: 'landscape', note: 'With one hidden linear layer and square loss every local minimum is global; the other critical points are saddles that project onto subsets of principal directions.' },
  kawaguchi2016deep: { section: 'landscape', note: 'Extends the no-bad-local-minima result to deep linear networks of any depth and width, and shows that deeper ones have saddles with no direction of negative curvature.' },
  achour2024loss: { section: 'landscape', note: 'Sorts every critical point of the deep linear square loss into global minimum, strict or non-strict saddle by the ranks of partial layer products; our main landscape reference.' },
  pepinlehalleur2024geometry: { section: 'landscape', note: 'Finds the codimension and top components of the set of weight tuples with a given product, via quiver representations, and shows the learning coefficient is half that codimension.' },
  trager2020pure: { section: 'landscape', note: 'Separates critical points inherited from the loss on reachable matrices (pure) from those the parameterisation creates (spurious), explaining when linear networks lack bad minima.' },

  // Implicit biases of gradient flow
  saxe2014exact: { section: 'gradient-flow', note: 'Solves gradient flow of a deep linear network mode by mode from a small aligned start: each strength follows a sigmoid, giving the plateau-and-drop staircase the course builds on.' },
  saxe2019mathematical: { section: 'gradient-flow', note: 'Reads the exact linear-network solutions as a theory of semantic development, broad distinctions learned before fine ones; its supplement derives the gradient-flow solution.' },
  arora2018optimization: { section: 'gradient-flow', note: 'Shows depth in a linear network acts as a preconditioner on the end-to-end matrix; the course takes from it the balanced conserved quantities and the closed end-to-end flow.' },
  menon2024geometry: { section: 'gradient-flow', note: 'Expository account of deep linear network training as a Riemannian gradient flow on the balanced manifold, with an entropy and a Langevin equation; basis of the free-energy section.' },
  jacot2018neural: { section: 'gradient-flow', note: 'Introduces the neural tangent kernel and proves that at infinite width in the NTK parameterisation it is fixed during training, so training reduces to kernel regression.' },
  jacot2021saddle: { section: 'gradient-flow', note: 'Splits deep linear training by how initial variance scales with width into an NTK regime and a small-start regime; proves the first saddle escape and conjectures the full tour.' },
  chizat2019lazy: { section: 'gradient-flow', note: 'Shows that lazy training, where a model stays close to its linearisation at initialization, comes from an output scale rather than from overparameterisation as such.' },
  woodworth2020kernel: { section: 'gradient-flow', note: 'In diagonal linear networks the initialization scale moves the selected interpolator from minimum ℓ2 norm (large scale, kernel regime) to minimum ℓ1 norm (small scale, rich regime).' },
  kunin2024get: { section: 'gradient-flow', note: 'Exact solutions of a minimal two-layer model show how layer-wise initial scales and learning rates, through a conserved quantity, decide how lazy or rich learning is.' },
  domine2025lazy: { section: 'gradient-flow', note: 'Exact learning dynamics of deep linear networks from λ-balanced starts, spanning rich to lazy, including how the representations and the tangent kernel evolve.' },
  tu2024mixed: { section: 'gradient-flow', note: 'One formula for linear networks from random starts covers lazy, balanced and a mixed regime in which small singular values stay lazy while large ones turn active.' },
  zhang2026saddle: { section: 'gradient-flow', note: 'Argues that saddle-to-saddle dynamics yields a simplicity bias across architectures: training recruits hidden units, kernels or attention heads one at a time.' },
  gunasekar2017implicit: { section: 'gradient-flow', note: 'Conjectures, with experiments and a proof for commuting measurements, that gradient descent on a factorised matrix from a small start finds the minimum nuclear-norm solution.' },
  soudry2018implicit: { section: 'gradient-flow', note: 'Proves that on separable data gradient descent on the logistic loss converges in direction to the maximum-margin separator, though only logarithmically fast.' },
  menon2025entropy: { section: 'gradient-flow', note: 'Computes the entropy of a deep linear network as the log-volume of the group orbit above the end-to-end matrix, and gets its metric on matrices by Riemannian submersion.' },
  kalimeris2019sgd: { section: 'gradient-flow', note: 'Finds that SGD first learns what a linear classifier can explain, then functions of increasing complexity, while keeping that early linear part; cited as a simplicity bias.' },
  du2018algorithmic: { section: 'gradient-flow', note: 'Proves gradient flow conserves differences of squared norms of consecutive layers in homogeneous networks, so a small start stays balanced across layers.' },
  kunin2021neural: { section: 'gradient-flow', note: 'Ties each continuous symmetry of a network to a conserved quantity of gradient flow, and tracks how weight decay, momentum and finite steps break it.' },
  marcotte2023abide: { section: 'gradient-flow', note: 'Defines the conservation laws of gradient flow and counts them by a Lie-algebra computation; for linear and ReLU networks the known balance laws turn out to be all of them.' },
  pesme2023saddle: { section: 'gradient-flow', note: 'As the initialization shrinks, gradient flow on diagonal linear networks jumps from saddle to saddle, activating coordinates in turn until it reaches the minimum-ℓ1 interpolator.' },
  berthier2023incremental: { section: 'gradient-flow', note: 'Proves coordinate-by-coordinate incremental learning in diagonal linear networks from small starts, with fewer features than samples, and the implicit sparsity fading over time.' },
  saxe2022neural: { section: 'gradient-flow', note: 'Exact reductions for gated deep linear networks: pathways race to fit the data and those shared across contexts win, a bias toward shared representations.' },

  // Learning rate: discrete gradient descent
  cohen2021gradient: { section: 'learning-rate', note: 'Full-batch gradient descent on neural networks raises the top Hessian eigenvalue to 2/η and then hovers there while the loss keeps falling, though not monotonically.' },
  damian2023self: { section: 'learning-rate', note: 'A third-order expansion explains the edge of stability: growth along the top eigenvector lowers the sharpness, so gradient descent tracks projected descent onto sharpness ≤ 2/η.' },
  zhu2023understanding: { section: 'learning-rate', note: 'A two-parameter loss whose minima are curves reproduces edge-of-stability training and can be analysed rigorously; the course uses it as its learning-rate toy.' },

  // Stochasticity
  pesme2021implicit: { section: 'stochasticity', note: 'On diagonal linear networks, stochastic gradient flow minimises the same potential as gradient flow but at a smaller effective initialization, hence a sparser solution.' },
  mandt2017stochastic: { section: 'stochasticity', note: 'Models constant-step SGD near a minimum as an Ornstein-Uhlenbeck process whose stationary law can be tuned to approximate a Bayesian posterior.' },
  chaudhari2018stochastic: { section: 'stochasticity', note: 'With anisotropic gradient noise the stationary state of SGD favours a potential other than the loss and carries circulating currents, so SGD need not settle at critical points.' },
  xie2021diffusion: { section: 'stochasticity', note: 'A diffusion model of SGD with Hessian-shaped noise predicts escape from sharp minima exponentially faster than from flat ones, unlike isotropic noise.' },
  li2022happens: { section: 'stochasticity', note: 'Near a manifold of minima, label-noise SGD drifts slowly along it so as to reduce the trace of the Hessian, an implicit regulariser described by a limiting SDE.' },
  vyas2024beyond: { section: 'stochasticity', note: 'In single-pass training, small batches bring no generalisation benefit, only cheaper steps: SGD moves along the path of noiseless gradient descent.' },
  chen2023stochastic: { section: 'stochasticity', note: 'Invariant sets such as dead or duplicated neurons can attract SGD when gradient noise outweighs curvature, pulling the network toward simpler subnetworks.' },
  corlouer2026stochastic: { section: 'stochasticity', note: 'For aligned, balanced deep linear networks SGD splits into one SDE per mode; the noise peaks before each mode is learned but leaves the saddle-to-saddle path unchanged.' },
  menon2026implicit: { section: 'stochasticity', note: 'Langevin dynamics with the noise removed along the orbits of a group action equals isotropic Langevin plus a drift toward orbits of smaller volume.' },
  nakkiran2021deep: { section: 'stochasticity', note: 'Test error after a given number of steps on reused data stays close to that on fresh data, so a model that learns fast online also generalises well offline.' },

  // Emergence: empirical examples
  wei2022emergent: { section: 'emergence-empirical', note: 'Collects abilities absent in smaller language models and present in larger ones; gives the course its working definition of emergence with scale.' },
  schaeffer2023mirage: { section: 'emergence-empirical', note: 'Argues that many reported emergent abilities come from nonlinear or discontinuous metrics: continuous scores of the same outputs improve smoothly with scale.' },
  hoffmann2022training: { section: 'emergence-empirical', note: 'Fits loss as power laws in parameters and training tokens and finds that compute-optimal training scales the two equally: the Chinchilla fit the course uses.' },
  atanasov2022silent: { section: 'emergence-empirical', note: 'From small starts on whitened data the tangent kernel aligns with the task while the loss is still flat, so the trained network is kernel regression with its final kernel.' },
  barak2022hidden: { section: 'emergence-empirical', note: 'Networks learn sparse parities with sudden drops after about n^O(k) steps; beneath the flat loss, SGD makes steady progress amplified by a Fourier gap in the gradient.' },
  power2022grokking: { section: 'emergence-empirical', note: 'Names grokking: small transformers on algorithmic tasks reach perfect validation accuracy long after they have memorised the training set.' },
  nanda2023progress: { section: 'emergence-empirical', note: 'Reverse-engineers the Fourier algorithm a one-layer transformer learns for modular addition and uses it to split grokking into memorisation, circuit formation and cleanup.' },
  olsson2022induction: { section: 'emergence-empirical', note: 'Induction heads, which complete [A][B] … [A] → [B], form at the same point as a sharp rise in in-context learning, seen as a bump in the training loss.' },
  betley2025emergent: { section: 'emergence-empirical', note: 'Fine-tuning chat models to write code with undisclosed vulnerabilities made them broadly misaligned on unrelated prompts; framing the same data as teaching prevented it.' },
  soligo2026emergent: { section: 'emergence-empirical', note: 'A narrowly misaligned solution exists, but training prefers the general one, which is more efficient and more stable; the narrow one is learned only with a KL penalty.' },
  hoogland2024developmental: { section: 'emergence-empirical', note: 'Transformers acquire in-context learning in discrete developmental stages, whose boundaries are located with the local learning coefficient and other loss-geometry probes.' },
  notsawo2023predicting: { section: 'emergence-empirical', note: 'Proposes forecasting grokking from low-frequency oscillations in the first epochs of the loss curve, and probes the loss landscape of models that grok.' },
  pearce2023grokking: { section: 'emergence-empirical', note: 'Interactive explorable training tiny MLPs on sparse parity and modular addition to show memorisation giving way to generalisation; source of the course\'s grokking MLP.' },
  turner2025model: { section: 'emergence-empirical', note: 'Cleaner model organisms of emergent misalignment, down to 0.5B models and one rank-1 adapter, in which a sudden turn of the adapter matches a switch in behaviour.' },

  // Theoretical approaches to emergence
  kumar2024grokking: { section: 'emergence-theory', note: 'Explains grokking as a late transition from lazy to rich training in a two-layer network on polynomial regression; the model behind the course\'s grokking exercises.' },
  bordelon2022self: { section: 'emergence-theory', note: 'Dynamical mean-field theory of feature learning at infinite width: kernels of activations and gradients across pairs of times solve self-consistent equations.' },
  bordelon2023dynamics: { section: 'emergence-theory', note: 'Computes the O(1/√width) fluctuations of kernels and predictions around the mean-field limit and shows feature learning can shrink them in two-layer networks.' },
  yang2021tensor: { section: 'emergence-theory', note: 'Shows the standard and NTK parameterisations cannot learn features at infinite width, and derives with Tensor Programs a parameterisation whose limit does.' },
  liu2023omnigrok: { section: 'emergence-theory', note: 'Traces grokking to mismatched training and test losses as functions of weight norm (L against U shapes), and induces it on image, text and molecule data.' },
  varma2023explaining: { section: 'emergence-theory', note: 'Explains grokking as a slow but efficient generalising circuit overtaking a fast memorising one, and predicts ungrokking and semi-grokking.' },
  rubin2024grokking: { section: 'emergence-theory', note: 'Treats grokking in two-layer networks with an adaptive-kernel theory and maps it to a first-order phase transition, the trained state resembling a mixed phase.' },
  mei2018mean: { section: 'emergence-theory', note: 'In the mean-field limit, SGD on a two-layer network becomes a nonlinear transport equation for the distribution of neurons, used to prove convergence.' },
  chizat2018global: { section: 'emergence-theory', note: 'Proves that the many-neuron limit of gradient flow on two-layer networks, a Wasserstein gradient flow, reaches global minimisers when suitably initialised.' },
  reddy2023mechanistic: { section: 'emergence-theory', note: 'A minimal attention-only model traces the abrupt appearance of an induction head, and the in-context versus in-weights trade-off, to nested logits learned in sequence.' },
  lewkowycz2020training: { section: 'emergence-theory', note: 'With an L2 penalty, the time to peak accuracy scales like 1/(λη) and the tangent kernel of a wide network keeps moving, so such a network cannot stay lazy for long.' },

  // Classic and cross-cutting background
  anderson1972more: { section: 'background', note: 'The essay arguing that large assemblies show collective behaviour needing concepts of their own, broken symmetry being the central example; where the emergence lecture starts.' },
  scheffer2009early: { section: 'background', note: 'Reviews generic warning signs of tipping points: near a critical transition recovery slows, so fluctuations grow and become more autocorrelated.' },
  dakos2012methods: { section: 'background', note: 'A practical guide that applies and compares early-warning indicators on simulated time series approaching a critical transition.' },
  lau2025local: { section: 'background', note: 'Defines the local learning coefficient, a degeneracy-aware complexity measure from singular learning theory, with an estimator that scales to large networks.' },
  kaplan2020scaling: { section: 'background', note: 'Language-model test loss falls as smooth power laws in parameters, data and compute over many orders of magnitude: the smooth side of scaling.' },
  besiroglu2024chinchilla: { section: 'background', note: 'Refits the Chinchilla parametric law from data read off its figures and gets different constants, blaming rounding and the original fit; why the course warns about them.' },
  watanabe2009algebraic: { section: 'background', note: 'The founding monograph of singular learning theory: for singular models the real log canonical threshold, not the parameter count, governs Bayesian generalisation.' },
};

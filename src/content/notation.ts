/**
 * The course's symbol table: one meaning per symbol across both decks, the exercises and the readings.
 * A symbol with a subscript or decoration (λ_max, σ₀, Loss_test) is a different symbol from its base letter
 * and has its own row. Authors check here before introducing a letter; the /notation/ page is generated
 * from this table and the KaTeX macros, so it cannot drift from what the pages render.
 */
export interface NotationEntry {
  /** The symbol as KaTeX source (macros of katexMacros.ts allowed). */
  tex: string;
  /** Its one meaning in this course, as a noun phrase. */
  meaning: string;
  /** Where it is introduced: a deck and section title, an exercise set or a reading. */
  introduced: string;
  /** Which papers write it differently, so students can translate (optional). */
  inPapers?: string;
}

export interface NotationGroup {
  title: string;
  entries: readonly NotationEntry[];
}

export const notation: readonly NotationGroup[] = [
  {
    title: 'Training and optimisation',
    entries: [
      { tex: 't', meaning: 'training time; for gradient descent t = nη after n steps', introduced: 'Lecture 1, §3' },
      { tex: 'n', meaning: 'step index of gradient descent (θ_n: the parameters after n steps)', introduced: 'Lecture 1, §1' },
      { tex: '\\tau', meaning: 'time constant of gradient flow; this course measures time so that τ = 1', introduced: 'Reading: Saxe et al. (2014)' },
      { tex: '\\eta', meaning: 'learning rate (step size)', introduced: 'Lecture 1, §3' },
      { tex: '\\theta', meaning: 'all trainable parameters', introduced: 'Lecture 1, §1' },
      { tex: '\\Loss', meaning: 'training loss (mean squared error unless stated)', introduced: 'Lecture 1, §1' },
      { tex: '\\Loss_{\\mathrm{test}}', meaning: 'test (population) loss', introduced: 'Lecture 2, §7' },
      { tex: '\\ell', meaning: 'layer index, ℓ = 1, …, L', introduced: 'Lecture 1, §2' },
      { tex: '\\lambda_{\\max}', meaning: 'sharpness: the largest eigenvalue of the Hessian of the loss', introduced: 'Lecture 1, §3', inPapers: 'S in Damian et al.' },
      { tex: '\\bar\\lambda', meaning: 'smoothness constant: an upper bound on the Hessian eigenvalues', introduced: 'Lecture 1, §3', inPapers: 'L or β in optimisation texts' },
      { tex: '\\lambda_{\\mathrm{wd}}', meaning: 'weight-decay coefficient', introduced: 'Lecture 1, §1' },
      { tex: '\\sigma', meaning: 'standard deviation of a noise (gradient noise, label noise, a stochastic differential equation)', introduced: 'Lecture 1, §7' },
      { tex: 'R', meaning: 'an explicit regulariser added to the loss', introduced: 'Lecture 1, §1' },
      { tex: 'H', meaning: 'Hessian ∇²𝓛 of the loss', introduced: 'Lecture 1, §3' },
      { tex: 'h', meaning: 'a Hessian eigenvalue; the curvature of a quadratic loss ½hθ²', introduced: 'Lecture 1, §3' },
      { tex: '\\mathbf e', meaning: 'top eigenvector of the Hessian (the sharpest direction)', introduced: 'Lecture 1, §3', inPapers: 'u in Damian et al.' },
      { tex: '\\delta', meaning: 'a displacement of the parameters (δW_ℓ: a perturbation of layer ℓ)', introduced: 'Lecture 1, §1', inPapers: 'x (along the top eigenvector) in Damian et al.' },
      { tex: '\\Sigma', meaning: 'covariance of the minibatch gradient noise (a scalar Σ(θ) in one dimension)', introduced: 'Lecture 1, §7' },
      { tex: '\\varrho', meaning: 'probability density of the parameters (ϱ_t(θ) at time t, ϱ_∞ stationary)', introduced: 'Lecture 1, §7', inPapers: 'p or ρ in many texts' },
      { tex: '\\mathcal J', meaning: 'probability current of a Fokker–Planck equation, ∂_tϱ = −∇·𝒥', introduced: 'Lecture 1, §7', inPapers: 'j or J in many texts' },
      { tex: 'B_t', meaning: 'standard Brownian motion driving a stochastic differential equation', introduced: 'Lecture 1, §7' },
      { tex: '\\zeta', meaning: 'strength of a multiplicative noise, dθ = … + ζθ dB', introduced: 'Lecture 1, §7' },
      { tex: '\\Loss_\\mu', meaning: 'loss on training example μ', introduced: 'Lecture 1, §7' },
      { tex: '\\mathcal O_\\theta', meaning: 'orbit of a symmetry group through θ (𝒪_W: the balanced parameters above the end-to-end matrix W)', introduced: 'Lecture 1, §7' },
    ],
  },
  {
    title: 'Networks and data',
    entries: [
      { tex: 'x', meaning: 'an input', introduced: 'Lecture 1, §1' },
      { tex: 'y', meaning: 'a target (label)', introduced: 'Lecture 1, §1' },
      { tex: 'f', meaning: 'the network function (its output)', introduced: 'Lecture 1, §1' },
      { tex: '\\Delta', meaning: 'residual: y − f on a training example; M − W for a deep linear network on whitened inputs', introduced: 'Lecture 1, §4' },
      { tex: 'd', meaning: 'input dimension', introduced: 'Lecture 1, §1', inPapers: 'D in Kumar et al.; n in Barak et al.' },
      { tex: 'P', meaning: 'number of training examples', introduced: 'Lecture 1, §1', inPapers: 'n in Woodworth et al., Rubin et al.' },
      { tex: '\\mu', meaning: 'index of a training example, μ = 1, …, P', introduced: 'Lecture 1, §4' },
      { tex: 'X', meaning: 'data matrix, one row per training example (X ∈ ℝ^{P×d})', introduced: 'Lecture 1, §1' },
      { tex: 'L', meaning: 'depth (number of weight layers)', introduced: 'Lecture 1, §2', inPapers: 'N in Arora et al.' },
      { tex: 'N', meaning: 'hidden width (number of neurons in a hidden layer)', introduced: 'Lecture 1, §6', inPapers: 'w in Jacot et al.' },
      { tex: 'd_\\ell', meaning: 'width of layer ℓ of a deep linear network (d₀ inputs, d_L outputs)', introduced: 'Lecture 1, §2', inPapers: 'N₁, N₂, N₃ in Saxe et al.' },
      { tex: 'j', meaning: 'index of a hidden neuron, j = 1, …, N', introduced: 'Lecture 2, §7' },
      { tex: 'W_\\ell', meaning: 'weight matrix of layer ℓ', introduced: 'Lecture 1, §2' },
      { tex: 'W', meaning: 'end-to-end matrix W_L ⋯ W_1 of a deep linear network', introduced: 'Lecture 1, §2' },
      { tex: '\\phi', meaning: 'activation function', introduced: 'Lecture 2, §6' },
      { tex: 'K', meaning: 'neural tangent kernel', introduced: 'Lecture 1, §4' },
      { tex: '\\mathcal K_W', meaning: 'operator of the balanced end-to-end flow, Ẇ = −𝒦_W[∇𝓛(W)]; the neural tangent kernel of a deep linear network on whitened inputs', introduced: 'Lecture 1, §4', inPapers: 'A_{N,X} in Menon; its matrix is P_W in Arora et al.' },
      { tex: 'N_\\theta', meaning: 'model size: number of parameters', introduced: 'Lecture 2, §1', inPapers: 'N in Kaplan et al., Hoffmann et al.' },
      { tex: 'D', meaning: 'training-set size in tokens (scaling laws)', introduced: 'Lecture 2, §1' },
    ],
  },
  {
    title: 'Deep linear networks (lecture 1)',
    entries: [
      { tex: 'M', meaning: 'teacher (target) matrix of the linear regression task', introduced: 'Lecture 1, §2' },
      { tex: 'U, V', meaning: 'orthogonal matrices whose columns are the singular vectors 𝐮ᵢ, 𝐯ᵢ of the teacher, M = U diag(s) Vᵀ', introduced: 'Lecture 1, §2' },
      { tex: 's_i', meaning: 'i-th singular value of the teacher M, in decreasing order', introduced: 'Lecture 1, §2' },
      { tex: 'i', meaning: 'mode index (a singular direction of the teacher; in a diagonal network, a coordinate)', introduced: 'Lecture 1, §2', inPapers: 'α in Saxe et al.' },
      { tex: '\\mathbf u_i, \\mathbf v_i', meaning: 'left and right singular vectors of the teacher M', introduced: 'Lecture 1, §2' },
      { tex: 'u_i', meaning: 'strength of mode i: 𝐮ᵢᵀ W 𝐯ᵢ (u for the one mode of a scalar network, u = w₁⋯w_L)', introduced: 'Lecture 1, §4', inPapers: 'u in Saxe et al., with mode index α' },
      { tex: 'a_i, b_i', meaning: 'first- and second-layer weight of mode i in an aligned two-layer network, u_i = a_i b_i (a: the common layer weight of a balanced mode)', introduced: 'Lecture 1, §2' },
      { tex: 'w_1, \\dots, w_L', meaning: 'the scalar layer weights of a one-mode network ½(s − w_L⋯w_1)²', introduced: 'Lecture 1, §2' },
      { tex: 'u_0', meaning: 'initial strength of every mode', introduced: 'Lecture 1, §5' },
      { tex: 'r', meaning: 'rank of the teacher M', introduced: 'Lecture 1, §2' },
      { tex: 'r(t)', meaning: 'number of modes learned by time t, the effective rank of W; r(t) ≤ r', introduced: 'Lecture 1, §5' },
      { tex: '\\sigma_0', meaning: 'initialisation scale of each weight (per layer)', introduced: 'Lecture 1, §2', inPapers: 'ε in some DLN papers; σ in Atanasov et al.' },
      { tex: 'C_\\ell', meaning: 'conserved quantity W_{ℓ+1}ᵀW_{ℓ+1} − W_ℓW_ℓᵀ of gradient flow', introduced: 'Lecture 1, §4', inPapers: 'G in Arora et al. (up to sign)' },
      { tex: '\\lambda', meaning: 'imbalance: the conserved value of C_ℓ in a λ-balanced network (w₂² − w₁² in a scalar two-layer network)', introduced: 'Lecture 1, §3' },
      { tex: 'O_\\ell', meaning: 'orthogonal matrix (a change of basis of hidden layer ℓ; O for the one hidden layer of a two-layer network)', introduced: 'Lecture 1, §5' },
      { tex: 'g_\\ell', meaning: 'invertible matrix acting on hidden layer ℓ, an element of the symmetry group GL(d_ℓ)', introduced: 'Lecture 1, §2' },
      { tex: '\\Lambda', meaning: 'a diagonal matrix of singular values (Λ_𝓘 keeps the teacher’s sᵢ for i ∈ 𝓘 and zeros the rest)', introduced: 'Lecture 1, §8' },
      { tex: '\\Pi_{\\mathcal I}', meaning: 'projection keeping the teacher modes in the index set 𝓘', introduced: 'Lecture 1, §2' },
      { tex: '\\mathcal I', meaning: 'a subset of indices (of modes, or of input coordinates)', introduced: 'Lecture 1, §2' },
      { tex: '\\beta', meaning: 'weight vector of a linear predictor (diagonal network β = w₊⊙w₊ − w₋⊙w₋)', introduced: 'Lecture 1, §1' },
      { tex: 'w_+, w_-', meaning: 'the two weight vectors of a diagonal linear network', introduced: 'Lecture 1, §1', inPapers: 'u, v in Woodworth et al.' },
      { tex: '\\alpha', meaning: 'laziness scale: the output scale (Chizat et al., Kumar et al.) or the initialisation scale of a diagonal network; large α means lazy', introduced: 'Lecture 1, §1' },
      { tex: 'Q_\\alpha', meaning: 'potential minimised by the interpolator a diagonal network reaches from scale α', introduced: 'Lecture 1, §1' },
      { tex: '\\Loss_\\alpha', meaning: 'objective rescaled by the output scale, α⁻²𝓛(αf)', introduced: 'Lecture 1, §6', inPapers: 'F_α, with loss R and model h, in Chizat et al.' },
      { tex: '\\gamma', meaning: 'exponent of the width scaling σ₀² = N^{−γ}', introduced: 'Lecture 1, §6' },
    ],
  },
  {
    title: 'Statistical physics (lecture 2)',
    entries: [
      { tex: 'T', meaning: 'temperature', introduced: 'Lecture 1, §7' },
      { tex: 'T_c', meaning: 'critical temperature', introduced: 'Lecture 2, §5' },
      { tex: 'S_i', meaning: 'Ising spin, ±1', introduced: 'Lecture 2, §5' },
      { tex: 'J', meaning: 'Ising coupling between neighbouring spins', introduced: 'Lecture 2, §5' },
      { tex: 'q', meaning: 'number of neighbours of a spin', introduced: 'Lecture 2, §5' },
      { tex: 'B', meaning: 'external field', introduced: 'Lecture 2, §5' },
      { tex: 'm', meaning: 'magnetisation ⟨Sᵢ⟩, the Ising order parameter', introduced: 'Lecture 2, §5' },
      { tex: 'E', meaning: 'energy', introduced: 'Lecture 1, §8' },
      { tex: '\\mathcal S', meaning: 'entropy', introduced: 'Lecture 1, §8' },
      { tex: 'F', meaning: 'free energy E − T𝓢 (per spin when written F(m))', introduced: 'Lecture 1, §8' },
      { tex: '\\chi', meaning: 'susceptibility ∂m/∂B', introduced: 'Lecture 2, §5' },
    ],
  },
  {
    title: 'Emergence (lecture 2)',
    entries: [
      { tex: 'p_{\\mathrm{tok}}', meaning: 'per-token accuracy of a language model', introduced: 'Lecture 2, §1' },
      { tex: 'L_{\\mathrm{ans}}', meaning: 'length of an answer in tokens', introduced: 'Lecture 2, §1' },
      { tex: 'a_{\\mathrm{tok}}', meaning: 'exponent of the per-token error power law 1 − p_tok ∝ N_θ^{−a_tok}', introduced: 'Lecture 2, §1' },
      { tex: 'a_N, a_D', meaning: 'exponents of the fitted scaling law in model size and data', introduced: 'Lecture 2, §1', inPapers: 'α, β in Hoffmann et al.' },
      { tex: '\\Loss_\\infty', meaning: 'irreducible loss of a scaling law', introduced: 'Lecture 2, §1', inPapers: 'E in Hoffmann et al.' },
      { tex: 'k', meaning: 'degree of a sparse parity (number of relevant bits)', introduced: 'Lecture 2, §2' },
      { tex: 'p', meaning: 'modulus of modular addition', introduced: 'Lecture 2, §3', inPapers: 'P in Nanda et al.' },
      { tex: '\\nu', meaning: 'Fourier frequency index; ω_ν = 2πν/p', introduced: 'Lecture 2, §3', inPapers: 'k in Nanda et al.' },
      { tex: '\\gamma_0', meaning: 'feature-learning strength of the mean-field parametrisation', introduced: 'Lecture 2, §6' },
      { tex: '\\Phi^\\ell, G^\\ell', meaning: 'feature and gradient kernels of layer ℓ (DMFT order parameters)', introduced: 'Lecture 2, §6' },
      { tex: '\\epsilon', meaning: 'strength of the quadratic part of the activation φ(h) = h + (ε/2)h²', introduced: 'Lecture 2, §7' },
      { tex: '\\beta_\\star', meaning: 'teacher direction of the quadratic target y = ½(β⋆·x)²', introduced: 'Lecture 2, §7' },
      { tex: 'w_j', meaning: 'first-layer weight vector of neuron j', introduced: 'Lecture 2, §7' },
      { tex: '\\bar w', meaning: 'mean first-layer weight (1/N)Σⱼ wⱼ', introduced: 'Lecture 2, §7' },
      { tex: 'Q', meaning: 'second moment (1/N)Σⱼ wⱼwⱼᵀ of the first-layer weights', introduced: 'Lecture 2, §7', inPapers: 'M in Kumar et al.' },
      { tex: 'z', meaning: 'state of a system near a tipping point', introduced: 'Lecture 2, §8' },
      { tex: 'c', meaning: 'slowly varied control parameter of a tipping system', introduced: 'Lecture 2, §8' },
      { tex: '\\kappa', meaning: 'recovery rate toward a stable state (minus the leading eigenvalue)', introduced: 'Lecture 1, §7' },
      { tex: '\\rho', meaning: 'lag-1 autocorrelation', introduced: 'Lecture 2, §8' },
    ],
  },
];

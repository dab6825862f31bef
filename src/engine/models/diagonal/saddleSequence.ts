import { mat, type Mat } from '../../linalg/mat.ts';
import { solve } from '../../linalg/solve.ts';

export interface SaddleJump {
  /** Rescaled time t̃ = t / ln(1/α) of the jump. */
  time: number;
  /** Coordinate that activates. */
  coordinate: number;
  /** β on the saddle reached after the jump (least squares on the active set). */
  beta: number[];
}

/**
 * Pesme & Flammarion (2023, arXiv:2304.00488) limit α → 0 of gradient flow on β = u⊙u − v⊙v:
 * in rescaled time t̃ = t/ln(1/α), β is piecewise constant and jumps between saddles. With
 * S̃(t̃) = −∫∇L dt̃, an inactive coordinate i activates when |S̃_i| reaches ½ (the threshold for this
 * parametrisation, since β_i = 2α² sinh(4S_i)). Between jumps ∇L is constant,
 * so the next jump time is explicit; after it β is the least-squares fit on the active set.
 * This simplified recursion only adds coordinates (it stops if a sign constraint would be violated),
 * which covers the incremental-learning regime the figures show. L = (1/2n)‖Xβ − y‖².
 */
export function saddleSequence(X: Mat, y: Float64Array, maxJumps = X.rows): SaddleJump[] {
  const { rows: n, cols: d } = X;
  const beta = new Float64Array(d), S = new Float64Array(d), g = new Float64Array(d);
  const active: number[] = [];
  const jumps: SaddleJump[] = [];
  let t = 0;
  const gradient = () => {
    g.fill(0);
    for (let i = 0; i < n; i++) {
      let r = -y[i];
      for (let k = 0; k < d; k++) r += X.data[i * d + k] * beta[k];
      for (let k = 0; k < d; k++) g[k] += (X.data[i * d + k] * r) / n;
    }
  };
  for (let jump = 0; jump < maxJumps; jump++) {
    gradient();
    let best = Infinity, arg = -1;
    for (let k = 0; k < d; k++) {
      if (active.includes(k) || Math.abs(g[k]) < 1e-14) continue;
      const dt = (0.5 - Math.sign(-g[k]) * S[k]) / Math.abs(g[k]);
      if (dt < best) { best = dt; arg = k; }
    }
    if (arg < 0) break;
    for (let k = 0; k < d; k++) S[k] -= g[k] * best;
    t += best;
    active.push(arg);
    // Least squares restricted to the active set: (X_Aᵀ X_A) β_A = X_Aᵀ y.
    const m = active.length;
    const G = mat(m, m), b = new Float64Array(m);
    for (let a = 0; a < m; a++) {
      for (let c = 0; c < m; c++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += X.data[i * d + active[a]] * X.data[i * d + active[c]];
        G.data[a * m + c] = s;
      }
      for (let i = 0; i < n; i++) b[a] += X.data[i * d + active[a]] * y[i];
    }
    const sol = solve(G, b);
    // β_i must carry the sign of S_i (it is 2α² sinh(4S_i)); otherwise the full algorithm would drop it.
    if (active.some((k, a) => sol[a] !== 0 && Math.sign(sol[a]) !== Math.sign(S[k]))) break;
    beta.fill(0);
    active.forEach((k, a) => (beta[k] = sol[a]));
    jumps.push({ time: t, coordinate: arg, beta: Array.from(beta) });
    let res = 0;
    for (let i = 0; i < n; i++) {
      let r = -y[i];
      for (let k = 0; k < d; k++) r += X.data[i * d + k] * beta[k];
      res += r * r;
    }
    if (res < 1e-20) break;
  }
  return jumps;
}

/**
 * Seeded pseudo-random numbers. Every stochastic model receives an Rng built from the scenario seed,
 * so a run is a pure function of its scenario (Math.random is never used anywhere in the engine).
 * mulberry32 is tiny, fast and has good enough statistics for initialisations and minibatch choices;
 * normals come from Box–Muller with the second variate cached so the stream is consumed predictably.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Integer uniform in [0, n). */
  int(n: number): number;
}

export function createRng(seed: number): Rng {
  let a = (seed >>> 0) ^ 0x9e3779b9;
  let spare = 0;
  let hasSpare = false;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    // 1 − u keeps the logarithm finite (uniform() can return exactly 0).
    const u = 1 - uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
  };
  const int = (n: number): number => Math.floor(uniform() * n);
  return { uniform, normal, int };
}

/** Fill an array with N(0, std²) draws. */
export function fillNormal(rng: Rng, out: Float64Array, std = 1): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = std * rng.normal();
  return out;
}

/** Normal truncated to [−2, 2] by rejection (Haiku/JAX convention), scaled by std. */
export function truncatedNormal(rng: Rng, std: number): number {
  for (;;) {
    const z = rng.normal();
    if (z >= -2 && z <= 2) return std * z;
  }
}

/** Fisher–Yates permutation of 0..n−1. */
export function permutation(rng: Rng, n: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = p[i];
    p[i] = p[j];
    p[j] = tmp;
  }
  return p;
}

/**
 * AdamW with decoupled weight decay in optax's convention (optax.adamw):
 *   p ← p − lr · ( m̂ / (√v̂ + eps) + wd · p ),
 * with bias-corrected moments. State lives in preallocated arrays so updates never allocate.
 */
export interface AdamW {
  step(params: Float64Array[], grads: Float64Array[]): void;
  readonly t: number;
}

export function createAdamW(sizes: number[], lr: number, b1: number, b2: number, eps: number, wd: number): AdamW {
  const m = sizes.map((n) => new Float64Array(n));
  const v = sizes.map((n) => new Float64Array(n));
  let t = 0;
  return {
    get t() {
      return t;
    },
    step(params, grads) {
      t++;
      const c1 = 1 - Math.pow(b1, t);
      const c2 = 1 - Math.pow(b2, t);
      for (let k = 0; k < params.length; k++) {
        const p = params[k], g = grads[k], mk = m[k], vk = v[k];
        for (let i = 0; i < p.length; i++) {
          const gi = g[i];
          const mi = (mk[i] = b1 * mk[i] + (1 - b1) * gi);
          const vi = (vk[i] = b2 * vk[i] + (1 - b2) * gi * gi);
          p[i] -= lr * (mi / c1 / (Math.sqrt(vi / c2) + eps) + wd * p[i]);
        }
      }
    },
  };
}

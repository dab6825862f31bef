/**
 * The same training steps in @tensorflow/tfjs-core, for the bench's third column. tfjs-core ships no
 * kernels: a backend package (@tensorflow/tfjs-backend-cpu) must be installed and imported first.
 * When it is missing, loadTf() returns null and the bench prints "n/a".
 */
type Tf = typeof import('@tensorflow/tfjs-core');

/**
 * tfjs-core's bundles register no gradient functions, and its ESM sources use extension-less imports that
 * Node cannot load, so bundle `register_all_gradients` with esbuild (already installed by Astro) once.
 * The registries live on globalThis, so the bundled copy registers into the same engine.
 */
async function registerGradients(): Promise<void> {
  const { build } = await import('esbuild');
  const { createRequire } = await import('node:module');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const entry = createRequire(import.meta.url).resolve('@tensorflow/tfjs-core/dist/register_all_gradients.js');
  const outfile = join(tmpdir(), 'tfjs-register-gradients.mjs');
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'silent' });
  await import(outfile);
}

export async function loadTf(): Promise<Tf | null> {
  try {
    const tf = await import('@tensorflow/tfjs-core');
    await registerGradients();
    await import('@tensorflow/tfjs-backend-cpu');
    await tf.setBackend('cpu');
    await tf.ready();
    return tf;
  } catch {
    return null;
  }
}

/** Returns steps per second of `steps` plain-GD steps on `loss` over `vars`. */
function timeGd(tf: Tf, vars: import('@tensorflow/tfjs-core').Variable[], loss: () => import('@tensorflow/tfjs-core').Scalar, lr: number, steps: number, repeats: number): number {
  const opt = tf.train.sgd(lr);
  const run = (k: number) => { for (let i = 0; i < k; i++) tf.tidy(() => { opt.minimize(loss, false, vars); }); };
  run(Math.max(2, Math.round(steps / 10))); // warm-up, as for the engine and numpy
  let best = 0;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    run(steps);
    best = Math.max(best, steps / ((performance.now() - t0) / 1000));
  }
  return best;
}

export function tfjsStepsPerSecond(tf: Tf, model: string, size: Record<string, any>, steps: number, repeats: number): number | null {
  const rnd = (shape: number[], std: number) => tf.variable(tf.randomNormal(shape, 0, std));
  if (model === 'dln') {
    const w: number[] = size.widths;
    const M = tf.randomNormal([w[w.length - 1], w[0]]);
    const Ws = w.slice(1).map((n, l) => rnd([n, w[l]], 1e-3));
    return timeGd(tf, Ws, () => {
      let W = Ws[0] as import('@tensorflow/tfjs-core').Tensor2D;
      for (let l = 1; l < Ws.length; l++) W = tf.matMul(Ws[l] as import('@tensorflow/tfjs-core').Tensor2D, W);
      return tf.mul(0.5, tf.sum(tf.square(tf.sub(W, M)))) as import('@tensorflow/tfjs-core').Scalar;
    }, 1e-3, steps, repeats);
  }
  if (model === 'diagonal') {
    const X = tf.randomNormal([size.n, size.d]), y = tf.randomNormal([size.n, 1]);
    const u = tf.variable(tf.fill([size.d, 1], 0.1)), v = tf.variable(tf.fill([size.d, 1], 0.1));
    return timeGd(tf, [u, v], () => tf.mul(0.5, tf.mean(tf.square(tf.sub(tf.matMul(X, tf.sub(tf.square(u), tf.square(v))), y)))) as import('@tensorflow/tfjs-core').Scalar, 0.01, steps, repeats);
  }
  if (model === 'eos-mlp') {
    const sizes = [1, ...size.hidden, 1];
    const x = tf.reshape(tf.linspace(-1, 1, 20), [20, 1]);
    const y = tf.cos(tf.mul(6, tf.acos(x)));
    const Ws = sizes.slice(1).map((n, l) => rnd([sizes[l], n], 1 / Math.sqrt(sizes[l])));
    const bs = sizes.slice(1).map((n) => tf.variable(tf.zeros([n])));
    return timeGd(tf, [...Ws, ...bs], () => {
      let a = x;
      Ws.forEach((W, l) => {
        const z = tf.add(tf.matMul(a as any, W as any), bs[l]);
        a = l === Ws.length - 1 ? z : tf.tanh(z);
      });
      return tf.mul(0.5, tf.mean(tf.square(tf.sub(a, y)))) as import('@tensorflow/tfjs-core').Scalar;
    }, 0.1, steps, repeats);
  }
  if (model === 'modular-addition') {
    const { p, embedSize: d, hiddenSize: H } = size;
    const pairs: [number, number][] = [];
    for (let a = 0; a < p; a++) for (let b = a; b < p; b++) pairs.push([a, b]);
    const n = Math.round(0.4 * pairs.length);
    const A = tf.tensor1d(pairs.slice(0, n).map((q) => q[0]), 'int32'), B = tf.tensor1d(pairs.slice(0, n).map((q) => q[1]), 'int32');
    const Y = tf.oneHot(tf.tensor1d(pairs.slice(0, n).map((q) => (q[0] + q[1]) % p), 'int32'), p);
    const E = rnd([p, d], Math.sqrt(2 / p)), Wh = rnd([d, H], 1 / Math.sqrt(d)), Wo = rnd([H, d], 1 / Math.sqrt(H));
    const opt = tf.train.adam(1e-3, 0.9, 0.98, 1e-8);
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) {
      tf.tidy(() => {
        opt.minimize(() => {
          const EW = tf.matMul(E, Wh);
          const h = tf.relu(tf.add(tf.gather(EW, A), tf.gather(EW, B)));
          const logits = tf.matMul(h, tf.matMul(Wo, E, false, true));
          return tf.neg(tf.mean(tf.mul(Y, tf.logSoftmax(logits)))) as import('@tensorflow/tfjs-core').Scalar;
        }, false, [E, Wh, Wo]);
        // Decoupled weight decay, as in AdamW.
        for (const q of [E, Wh, Wo]) q.assign(tf.mul(q, 1 - 1e-3));
      });
    }
    return steps / ((performance.now() - t0) / 1000);
  }
  return null; // the Kumar closure is not a gradient step of a tfjs loss; not benchmarked in tfjs
}

/**
 * Adaptive Dormand–Prince 5(4) integrator (the RK pair behind ode45 / solve_ivp RK45) with
 * per-component mixed tolerance atol + rtol·|y| and FSAL. Used for gradient flow, where the step
 * must shrink near fast transitions and grow along plateaus. Steps are clipped to land exactly on
 * output times, so records are true solution values, not interpolants. Stage buffers are allocated
 * once per call; the stepping loop itself does not allocate.
 */
export interface OdeOptions {
  rtol: number;
  atol: number;
  /** Hard cap on accepted + rejected steps; exceeding it is reported as a failure. */
  maxSteps: number;
  /** Called at each output time with the state; return false to stop early. */
  onOutput: (index: number, t: number, y: Float64Array) => boolean;
  /** Called after each accepted step (e.g. for progress). */
  onStep?: (t: number, steps: number) => void;
  /** Largest allowed step (default: unbounded). */
  hMax?: number;
}

export interface OdeResult {
  steps: number;
  rejected: number;
  failure: string | null;
  /** Index of the last output delivered. */
  lastOutput: number;
}

const C = [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1];
const A = [
  [],
  [1 / 5],
  [3 / 40, 9 / 40],
  [44 / 45, -56 / 15, 32 / 9],
  [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
  [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
  [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84],
];
// Difference between the 5th-order and embedded 4th-order weights (error estimate).
const E = [71 / 57600, 0, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40];

export function integrateDP45(
  rhs: (t: number, y: Float64Array, dy: Float64Array) => void,
  y0: Float64Array,
  tOut: number[],
  opts: OdeOptions,
): OdeResult {
  const n = y0.length;
  const y = y0.slice();
  const k = Array.from({ length: 7 }, () => new Float64Array(n));
  const ytmp = new Float64Array(n), ynew = new Float64Array(n);
  let t = tOut[0];
  let steps = 0, rejected = 0;
  if (!opts.onOutput(0, t, y)) return { steps, rejected, failure: null, lastOutput: 0 };
  rhs(t, y, k[0]);
  // Initial step from the size of the derivative (Hairer's heuristic, simplified).
  let d0 = 0, d1 = 0;
  for (let i = 0; i < n; i++) {
    const sc = opts.atol + opts.rtol * Math.abs(y[i]);
    d0 += (y[i] / sc) ** 2;
    d1 += (k[0][i] / sc) ** 2;
  }
  let h = d0 < 1e-10 || d1 < 1e-10 ? 1e-6 : 0.01 * Math.sqrt(d0 / d1);
  const span = tOut[tOut.length - 1] - tOut[0];
  h = Math.min(h, span || 1, opts.hMax ?? Infinity);
  for (let out = 1; out < tOut.length; out++) {
    const target = tOut[out];
    while (t < target) {
      if (steps + rejected >= opts.maxSteps) {
        return { steps, rejected, failure: `integrator exceeded ${opts.maxSteps} steps at t=${t.toPrecision(6)}`, lastOutput: out - 1 };
      }
      const last = t + h >= target;
      const hh = last ? target - t : h;
      for (let s = 1; s < 7; s++) {
        const a = A[s];
        for (let i = 0; i < n; i++) {
          let acc = y[i];
          for (let j = 0; j < s; j++) acc += hh * a[j] * k[j][i];
          ytmp[i] = acc;
        }
        rhs(t + C[s] * hh, ytmp, k[s]);
        if (s === 6) ynew.set(ytmp);
      }
      let err = 0;
      for (let i = 0; i < n; i++) {
        let e = 0;
        for (let j = 0; j < 7; j++) e += E[j] * k[j][i];
        e *= hh;
        const sc = opts.atol + opts.rtol * Math.max(Math.abs(y[i]), Math.abs(ynew[i]));
        err += (e / sc) ** 2;
      }
      err = Math.sqrt(err / n);
      if (!Number.isFinite(err)) {
        if (hh < 1e-14 * Math.max(1, Math.abs(t))) {
          return { steps, rejected, failure: `state became non-finite at t=${t.toPrecision(6)}`, lastOutput: out - 1 };
        }
        h = hh * 0.1;
        rejected++;
        continue;
      }
      const factor = err === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
      if (err <= 1) {
        t = last ? target : t + hh;
        y.set(ynew);
        k[0].set(k[6]);
        steps++;
        opts.onStep?.(t, steps);
        // Only grow from the nominal step: a clipped final step says nothing about the right size.
        h = Math.min((last ? Math.max(h, hh) : hh) * factor, opts.hMax ?? Infinity);
      } else {
        h = hh * factor;
        rejected++;
        if (h < 1e-14 * Math.max(1, Math.abs(t))) {
          return { steps, rejected, failure: `step size underflow at t=${t.toPrecision(6)}`, lastOutput: out - 1 };
        }
      }
    }
    if (!opts.onOutput(out, t, y)) return { steps, rejected, failure: null, lastOutput: out };
  }
  return { steps, rejected, failure: null, lastOutput: tOut.length - 1 };
}

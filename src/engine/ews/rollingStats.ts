/**
 * Early-warning statistics (Scheffer et al. 2009, Nature 461:53; Dakos et al. 2012, PLoS ONE):
 * rolling-window variance and lag-1 autocorrelation of a series, optionally detrended by a least-squares
 * line inside each window. Near a fold the recovery rate λ → 0, so for an AR(1)/OU process the
 * variance σ²/(1 − ρ²) and the autocorrelation ρ = e^{−λΔt} both rise before the transition.
 * Output has the input's length: index i summarises the window ending at i; the first window − 1
 * entries use the shorter prefix available (variance and AC1 are 0 with fewer than 3 points).
 */
export interface RollingStats {
  variance: number[];
  ac1: number[];
}

export function rollingStats(series: ArrayLike<number>, window: number, detrend: 'none' | 'linear' = 'linear'): RollingStats {
  const n = series.length;
  const variance = new Array<number>(n).fill(0), ac1 = new Array<number>(n).fill(0);
  if (detrend === 'none') return rollingNoDetrend(series, window);
  const buf = new Float64Array(Math.max(1, window));
  for (let end = 0; end < n; end++) {
    const start = Math.max(0, end - window + 1);
    const m = end - start + 1;
    if (m < 3) continue;
    // Residuals after removing the mean, or the least-squares line through (k, x_k).
    let sx = 0, sk = 0, skk = 0, skx = 0;
    for (let k = 0; k < m; k++) {
      const x = series[start + k];
      sx += x; sk += k; skk += k * k; skx += k * x;
    }
    let slope = 0;
    if (detrend === 'linear') {
      const den = m * skk - sk * sk;
      slope = den !== 0 ? (m * skx - sk * sx) / den : 0;
    }
    const intercept = (sx - slope * sk) / m;
    for (let k = 0; k < m; k++) buf[k] = series[start + k] - intercept - slope * k;
    let mean = 0;
    for (let k = 0; k < m; k++) mean += buf[k];
    mean /= m;
    let v = 0, c = 0;
    for (let k = 0; k < m; k++) {
      const d = buf[k] - mean;
      v += d * d;
      if (k > 0) c += d * (buf[k - 1] - mean);
    }
    variance[end] = v / (m - 1);
    ac1[end] = v > 0 ? c / v : 0;
  }
  return { variance, ac1 };
}

/**
 * O(n) version without detrending, from running sums. The global mean is removed first so the
 * sums stay small and the usual cancellation of Σx² − (Σx)²/m stays harmless.
 */
function rollingNoDetrend(series: ArrayLike<number>, window: number): RollingStats {
  const n = series.length;
  let g = 0;
  for (let i = 0; i < n; i++) g += series[i];
  g = n ? g / n : 0;
  const x = Float64Array.from({ length: n }, (_, i) => series[i] - g);
  const variance = new Array<number>(n).fill(0), ac1 = new Array<number>(n).fill(0);
  let s1 = 0, s2 = 0, c = 0;
  for (let end = 0; end < n; end++) {
    s1 += x[end];
    s2 += x[end] * x[end];
    if (end > 0) c += x[end] * x[end - 1];
    const start = end - window + 1;
    if (start > 0) {
      // Drop x[start − 1] and the product pair (x[start − 1], x[start]).
      s1 -= x[start - 1];
      s2 -= x[start - 1] * x[start - 1];
      c -= x[start] * x[start - 1];
    }
    const lo = Math.max(0, start);
    const m = end - lo + 1;
    if (m < 3) continue;
    const mu = s1 / m;
    const v = s2 - m * mu * mu;
    variance[end] = v / (m - 1);
    const num = c - mu * (s1 - x[lo]) - mu * (s1 - x[end]) + (m - 1) * mu * mu;
    ac1[end] = v > 0 ? num / v : 0;
  }
  return { variance, ac1 };
}

/** Kendall's τ between a series and time: the usual trend statistic for early-warning indicators. */
export function kendallTau(series: ArrayLike<number>): number {
  const n = series.length;
  let s = 0, pairs = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    const d = series[j] - series[i];
    s += d > 0 ? 1 : d < 0 ? -1 : 0;
    pairs++;
  }
  return pairs ? s / pairs : 0;
}

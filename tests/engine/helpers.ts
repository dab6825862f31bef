/** Max relative error between an analytic gradient and central finite differences of f. */
export function gradCheck(f: (x: Float64Array) => number, x: Float64Array, g: Float64Array, h = 1e-6): number {
  let num = 0, den = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    x[i] = xi + h;
    const fp = f(x);
    x[i] = xi - h;
    const fm = f(x);
    x[i] = xi;
    const fd = (fp - fm) / (2 * h);
    num += (fd - g[i]) ** 2;
    den += g[i] ** 2;
  }
  return Math.sqrt(num / den);
}

/** First time a series crosses `level` upwards, by linear interpolation. */
export function crossingTime(t: number[], y: number[], level: number): number {
  for (let i = 1; i < y.length; i++) {
    if (y[i - 1] < level && y[i] >= level) return t[i - 1] + ((level - y[i - 1]) / (y[i] - y[i - 1])) * (t[i] - t[i - 1]);
  }
  return NaN;
}

export function column(rows: number[][], j: number): number[] {
  return rows.map((r) => r[j]);
}

import type { Rng } from '../../core/rng.ts';
import { eye, mat, matmulInto, matmulNTInto, type Mat } from '../../linalg/mat.ts';
import { identityColumns, randomOrthonormal } from '../../linalg/orthonormal.ts';
import { symEigen } from '../../linalg/symEigen.ts';
import type { DlnScenario } from './dlnSchema.ts';

export interface Teacher { M: Mat; U: Mat; V: Mat; s: Float64Array }

/** M = U diag(s) Vᵀ with s padded by zeros to k = min(n0, nL), so U (nL×k) and V (n0×k) are full bases. */
export function makeTeacher(sc: DlnScenario, rng: Rng): Teacher {
  const n0 = sc.widths[0], nL = sc.widths[sc.widths.length - 1];
  const k = Math.min(n0, nL);
  const s = new Float64Array(k);
  sc.teacher.singularValues.forEach((v, i) => (s[i] = v));
  const U = sc.teacher.basis === 'random' ? randomOrthonormal(rng, nL, k) : identityColumns(nL, k);
  const V = sc.teacher.basis === 'random' ? randomOrthonormal(rng, n0, k) : identityColumns(n0, k);
  const M = mat(nL, n0);
  for (let i = 0; i < nL; i++) for (let j = 0; j < n0; j++) {
    let acc = 0;
    for (let a = 0; a < k; a++) acc += U.data[i * k + a] * s[a] * V.data[j * k + a];
    M.data[i * n0 + j] = acc;
  }
  return { M, U, V, s };
}

/** Second-moment statistics the loss depends on: Σxx, Σyx (and the raw samples for NTK probes). */
export interface DlnData { Sxx: Mat; Syx: Mat; Syy: number; X: Mat | null; Y: Mat | null; population: boolean }

export function makeData(sc: DlnScenario, teacher: Teacher, rng: Rng): DlnData {
  const n0 = sc.widths[0], nL = sc.widths[sc.widths.length - 1];
  if (sc.data.kind === 'population') {
    let syy = 0;
    for (const v of teacher.M.data) syy += v * v;
    return { Sxx: eye(n0), Syx: teacher.M, Syy: syy, X: null, Y: null, population: true };
  }
  const P = sc.data.samples;
  const X = mat(n0, P);
  for (let i = 0; i < X.data.length; i++) X.data[i] = rng.normal();
  if (sc.data.whiten) {
    // X ← Σ^{−1/2} X with Σ = XXᵀ/P, so that the whitened-input formulas hold exactly.
    const S = mat(n0, n0);
    matmulNTInto(S, X, X);
    for (let i = 0; i < S.data.length; i++) S.data[i] /= P;
    const { values, vectors } = symEigen(S);
    const Wh = mat(n0, n0);
    for (let i = 0; i < n0; i++) for (let j = 0; j < n0; j++) {
      let acc = 0;
      for (let a = 0; a < n0; a++) acc += (vectors.data[i * n0 + a] * vectors.data[j * n0 + a]) / Math.sqrt(values[a]);
      Wh.data[i * n0 + j] = acc;
    }
    const Xw = mat(n0, P);
    matmulInto(Xw, Wh, X);
    X.data.set(Xw.data);
  }
  const Y = mat(nL, P);
  matmulInto(Y, teacher.M, X);
  if (sc.data.noise > 0) for (let i = 0; i < Y.data.length; i++) Y.data[i] += sc.data.noise * rng.normal();
  const Sxx = mat(n0, n0), Syx = mat(nL, n0);
  matmulNTInto(Sxx, X, X);
  matmulNTInto(Syx, Y, X);
  for (let i = 0; i < Sxx.data.length; i++) Sxx.data[i] /= P;
  for (let i = 0; i < Syx.data.length; i++) Syx.data[i] /= P;
  let syy = 0;
  for (const v of Y.data) syy += v * v;
  return { Sxx, Syx, Syy: syy / P, X, Y, population: false };
}

/**
 * Initial weights. Balanced inits chain orthonormal bases Q_0 = V, Q_1, …, Q_L = U through the layers,
 * W_l = Q_l diag(u0^{1/L}) Q_{l−1}ᵀ, so W_{l+1}ᵀW_{l+1} = W_lW_lᵀ (G_l = 0) and W = U diag(u0) Vᵀ.
 */
export function makeInit(sc: DlnScenario, teacher: Teacher, rng: Rng): Mat[] {
  const w = sc.widths;
  const L = w.length - 1;
  const Ws = Array.from({ length: L }, (_, l) => mat(w[l + 1], w[l]));
  const init = sc.init;
  if (init.kind === 'gaussian') {
    for (const W of Ws) for (let i = 0; i < W.data.length; i++) W.data[i] = init.sigma * rng.normal();
    return Ws;
  }
  if (init.kind === 'lambda') {
    const n1 = w[1];
    const V = init.aligned ? teacher.V : randomOrthonormal(rng, w[0], Math.min(w[0], w[2]));
    const U = init.aligned ? teacher.U : randomOrthonormal(rng, w[2], Math.min(w[0], w[2]));
    const R = randomOrthonormal(rng, n1, n1);
    // b² − a² = λ and ab = u0  ⇒  b² = (λ + √(λ² + 4u0²))/2.
    const b2 = (init.lambda + Math.sqrt(init.lambda ** 2 + 4 * init.u0 ** 2)) / 2;
    const b = Math.sqrt(b2);
    const a = b > 0 ? init.u0 / b : Math.sqrt(-init.lambda);
    const [W1, W2] = Ws;
    for (let i = 0; i < n1; i++) for (let j = 0; j < w[0]; j++) {
      let acc = 0;
      for (let m = 0; m < n1; m++) acc += R.data[i * n1 + m] * a * V.data[j * V.cols + m];
      W1.data[i * w[0] + j] = acc;
    }
    for (let i = 0; i < w[2]; i++) for (let j = 0; j < n1; j++) {
      let acc = 0;
      for (let m = 0; m < n1; m++) acc += U.data[i * U.cols + m] * b * R.data[j * n1 + m];
      W2.data[i * n1 + j] = acc;
    }
    return Ws;
  }
  const r = Math.min(...w, teacher.s.length);
  const Q: Mat[] = [];
  const aligned = init.kind === 'aligned';
  Q[0] = aligned ? teacher.V : randomOrthonormal(rng, w[0], r);
  for (let l = 1; l < L; l++) Q[l] = randomOrthonormal(rng, w[l], r);
  Q[L] = aligned ? teacher.U : randomOrthonormal(rng, w[L], r);
  const d = Math.pow(init.u0, 1 / L);
  for (let l = 0; l < L; l++) {
    const W = Ws[l], A = Q[l + 1], B = Q[l];
    for (let i = 0; i < W.rows; i++) for (let j = 0; j < W.cols; j++) {
      let acc = 0;
      for (let m = 0; m < r; m++) acc += A.data[i * A.cols + m] * d * B.data[j * B.cols + m];
      W.data[i * W.cols + j] = acc;
    }
  }
  return Ws;
}

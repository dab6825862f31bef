import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assembleKernels } from '../../src/engine/cli/assembleWasm.ts';
import { mat, matmulInto, matmulNTInto, matmulTNInto, WASM_MIN_MACS, type Mat } from '../../src/engine/linalg/mat.ts';
import { matmulWasmInto } from '../../src/engine/linalg/matmulWasm.ts';
import { setWasmKernels, wasmKernels } from '../../src/engine/linalg/wasmKernels.ts';
import { KERNELS_WASM } from '../../src/engine/linalg/wasm/kernelsWasmBytes.ts';
import { runScenario } from '../../src/engine/index.ts';

afterEach(() => setWasmKernels(true));

/** Entry (i, j) as the plain left-to-right sum Σ_p A[i,p]·B[p,j] starting from 0. */
function naive(a: (i: number, p: number) => number, b: (p: number, j: number) => number, n: number, k: number, m: number): Float64Array {
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) {
    let s = 0;
    for (let p = 0; p < k; p++) s += a(i, p) * b(p, j);
    out[i * m + j] = s;
  }
  return out;
}

const sameBits = (x: Float64Array, y: Float64Array) => x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
const filled = (rows: number, cols: number, values: number[]): Mat => {
  const m = mat(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = values[i % values.length];
  return m;
};

describe('WebAssembly SIMD matrix product', () => {
  it('the committed module bytes are exactly what kernels.wat assembles to', async () => {
    expect(Array.from(await assembleKernels())).toEqual(Array.from(KERNELS_WASM));
  });

  it('is available in this Node, so products above the threshold take the SIMD path', () => {
    expect(wasmKernels() !== null).toBe(true);
  });

  it('gives the same bits as the naive left-to-right sum for AB, ABᵀ and AᵀB, with and without WebAssembly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 37 }), fc.integer({ min: 1, max: 37 }), fc.integer({ min: 1, max: 37 }),
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 64 }),
        (n, k, m, values) => {
          const A = filled(n, k, values), AT = filled(k, n, values), B = filled(k, m, values.slice().reverse()), BT = filled(m, k, values);
          for (let i = 0; i < A.data.length; i++) A.data[i] = values[(i * 7) % values.length] / 3;
          const direct = (a: Mat, b: Mat, ta: boolean, tb: boolean) => {
            const out = mat(n, m);
            expect(matmulWasmInto(out, a, b, ta, tb)).toBe(true);
            return out.data;
          };
          const cases: [string, () => Mat, Float64Array][] = [
            ['AB', () => matmulInto(mat(n, m), A, B), naive((i, p) => A.data[i * k + p], (p, j) => B.data[p * m + j], n, k, m)],
            ['ABᵀ', () => matmulNTInto(mat(n, m), A, BT), naive((i, p) => A.data[i * k + p], (p, j) => BT.data[j * k + p], n, k, m)],
            ['AᵀB', () => matmulTNInto(mat(n, m), AT, B), naive((i, p) => AT.data[p * n + i], (p, j) => B.data[p * m + j], n, k, m)],
          ];
          // The kernel itself, whatever the size (mat.ts only sends it products of WASM_MIN_MACS or more).
          if (!sameBits(direct(A, B, false, false), cases[0][2])) return false;
          if (!sameBits(direct(A, BT, false, true), cases[1][2])) return false;
          if (!sameBits(direct(AT, B, true, false), cases[2][2])) return false;
          for (const [, run, expected] of cases) {
            setWasmKernels(true);
            const withWasm = run().data;
            setWasmKernels(false);
            const withoutWasm = run().data;
            setWasmKernels(true);
            if (!sameBits(withWasm, expected) || !sameBits(withoutWasm, expected)) return false;
          }
          return true;
        },
      ),
      { numRuns: 150 },
    );
  });

  it('grows its memory for products larger than one page and still agrees bit for bit', () => {
    const n = 150, k = 130, m = 97;
    expect(8 * (n * k + k * m + n * m)).toBeGreaterThan(65536 * 4);
    const A = filled(n, k, [0.3, -1.7, 2.1, 1e-3, -4]), B = filled(k, m, [1.1, 0.5, -0.25, 3]);
    const fast = matmulInto(mat(n, m), A, B).data;
    setWasmKernels(false);
    expect(sameBits(fast, matmulInto(mat(n, m), A, B).data)).toBe(true);
  });

  it('leaves whole model runs byte-identical: a modular-addition and an EoS-MLP run with and without it', () => {
    expect(24 * 67 * 500).toBeGreaterThan(WASM_MIN_MACS);
    for (const scenario of [
      { model: 'modular-addition', seed: 3, steps: 40, recordEvery: 10 },
      { model: 'eos-mlp', seed: 1, eta: 0.1, steps: 300, recordEvery: 50 },
    ]) {
      const fast = JSON.stringify(runScenario(scenario));
      setWasmKernels(false);
      const scalar = JSON.stringify(runScenario(scenario));
      setWasmKernels(true);
      expect(fast).toBe(scalar);
    }
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { tanh } from '../../src/engine/core/tanh.ts';
import { wasmKernels } from '../../src/engine/linalg/wasmKernels.ts';

// Correctly rounded tanh at 3,000 arguments from mpmath (fixtures/tanhReference.py).
const reference: [number, number][] = JSON.parse(readFileSync('tests/engine/fixtures/tanh-reference.json', 'utf8'));

const bits = new BigInt64Array(1), view = new Float64Array(bits.buffer);
/** Distance in units in the last place between two doubles of the same sign. */
function ulps(x: number, y: number): number {
  view[0] = x;
  const bx = bits[0];
  view[0] = y;
  const d = bx - bits[0];
  return Number(d < 0n ? -d : d);
}

/** Runs the WebAssembly SIMD tanh over xs (in its memory) and returns the results. */
function simdTanh(xs: number[]): number[] {
  const kn = wasmKernels();
  if (!kn) throw new Error('WebAssembly SIMD is expected in Node 22');
  const H = kn.heap(xs.length + 2);
  H.set(xs, 0);
  kn.tanh(0, xs.length);
  return Array.from(H.subarray(0, xs.length));
}

describe('the engine’s tanh', () => {
  it('is within 2 ulp of the correctly rounded value at every reference argument, and within 1 ulp at 99.9% of them', () => {
    const errors = reference.map(([x, y]) => ulps(tanh(x), y));
    expect(Math.max(...errors)).toBeLessThanOrEqual(2);
    expect(errors.filter((e) => e <= 1).length / errors.length).toBeGreaterThanOrEqual(0.999);
  });

  it('is odd, keeps −0 and NaN, returns x below 2⁻²⁷ and ±1 from 20 on', () => {
    expect(Object.is(tanh(-0), -0)).toBe(true);
    expect(tanh(NaN)).toBeNaN();
    expect(tanh(Infinity)).toBe(1);
    expect(tanh(-Infinity)).toBe(-1);
    expect(tanh(1e-300)).toBe(1e-300);
    expect(tanh(20)).toBe(1);
    expect(tanh(-1e300)).toBe(-1);
    fc.assert(fc.property(fc.double({ noNaN: true }), (x) => Object.is(tanh(-x), -tanh(x))));
  });

  it('is computed bit for bit the same by the WebAssembly SIMD kernel, over odd and even counts and every range', () => {
    const edges = [0, -0, NaN, Infinity, -Infinity, 2 ** -27, -(2 ** -27), 2 ** -28, 19.999999999999996, 20, -20, 1e300, 5e-324];
    const xs = [...reference.map(([x]) => x), ...edges];
    expect(simdTanh(xs).every((y, i) => Object.is(y, tanh(xs[i])))).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.double(), { minLength: 1, maxLength: 33 }), (arr) => simdTanh(arr).every((y, i) => Object.is(y, tanh(arr[i])))),
      { numRuns: 300 },
    );
  });
});

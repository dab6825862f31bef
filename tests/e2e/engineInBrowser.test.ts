import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { runScenario } from '../../src/engine/index.ts';
import { mat, matmul } from '../../src/engine/linalg/mat.ts';
import { setWasmKernels } from '../../src/engine/linalg/wasmKernels.ts';
import { KERNELS_WASM } from '../../src/engine/linalg/wasm/kernelsWasmBytes.ts';

const site = inject('site');
const dist = inject('dist');
const workerFile = readdirSync(join(dist, '_astro')).find((f) => /^engineWorker-.*\.js$/.test(f));

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** Runs a scenario in the site's own bundled engine worker, in Chromium, and returns the JSON text. */
function runInBrowser(page: Page, scenario: unknown): Promise<string> {
  return page.evaluate(async ({ url, scenario }) => {
    const worker = new Worker(url, { type: 'module' });
    const result = await new Promise<unknown>((resolve, reject) => {
      worker.onmessage = (e) => {
        if (e.data.type === 'result') resolve(e.data.trajectory);
        if (e.data.type === 'error') reject(new Error(e.data.message));
      };
      worker.onerror = (e) => reject(new Error(e.message));
      worker.postMessage({ id: 1, scenario });
    });
    worker.terminate();
    return JSON.stringify(result);
  }, { url: `${site}/_astro/${workerFile}`, scenario });
}

/** Largest relative difference between corresponding numbers of two JSON texts of the same shape. */
function maxRelativeDifference(a: string, b: string): number {
  const na = a.match(/-?\d+(\.\d+)?(e[+-]?\d+)?/g)!.map(Number);
  const nb = b.match(/-?\d+(\.\d+)?(e[+-]?\d+)?/g)!.map(Number);
  expect(nb.length).toBe(na.length);
  return na.reduce((m, x, i) => Math.max(m, Math.abs(x - nb[i]) / Math.max(1e-300, Math.abs(x), Math.abs(nb[i]))), 0);
}

// Seeded randomness (Box–Muller: log, cos), exp and tanh — the operations whose last bit may differ between
// JavaScript engines, since ECMA-262 leaves Math.log/exp/cos/tanh implementation-approximated.
const seeded = [
  { model: 'dln', seed: 7, widths: [4, 5, 3], teacher: { singularValues: [3, 2, 1] }, init: { kind: 'gaussian', sigma: 0.01 }, optimizer: { kind: 'gd', eta: 0.05 }, T: 4, records: 40 },
  { model: 'eos-mlp', seed: 3, eta: 0.2, steps: 300 },
  { model: 'diagonal', seed: 5 },
  // 24×24 layers: every product (24³ multiply-adds) runs in the WebAssembly SIMD kernel.
  { model: 'dln', seed: 2, widths: [24, 24, 24, 24], teacher: { singularValues: [3, 2, 1] }, init: { kind: 'gaussian', sigma: 0.05 }, optimizer: { kind: 'gd', eta: 0.02 }, T: 2, records: 20, ntk: false },
];
// Only + − × ÷ and √, which IEEE 754 rounds correctly: must be bit-identical in every engine.
const arithmetic = { model: 'dln', widths: [3, 3, 3], teacher: { singularValues: [3, 2, 1], basis: 'identity' }, init: { kind: 'aligned', u0: 0.001 }, optimizer: { kind: 'gd', eta: 0.01 }, T: 4, records: 40, ntk: false };

describe('the engine in the browser', () => {
  it('is bundled with the site as a module worker', () => {
    expect(workerFile).toBeDefined();
  });

  for (const scenario of seeded) {
    it(`is deterministic in Chromium and agrees with Node to 1e-9 (relative) for seeded ${scenario.model}${'widths' in scenario && scenario.widths ? ` ${scenario.widths.join('-')}` : ''}`, async () => {
      const page = await browser.newPage();
      await page.goto(`${site}/`);
      const first = await runInBrowser(page, scenario);
      const second = await runInBrowser(page, scenario);
      expect(second).toBe(first);
      expect(maxRelativeDifference(JSON.stringify(runScenario(scenario)), first)).toBeLessThan(1e-9);
      await page.close();
    });
  }

  it('gives the same bytes in Chromium as in Node for a pure-arithmetic scenario', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}/`);
    expect(await runInBrowser(page, arithmetic)).toBe(JSON.stringify(runScenario(arithmetic)));
    await page.close();
  });

  it('computes, in Chromium, exactly the bits of the scalar matrix kernel with the WebAssembly SIMD kernel', async () => {
    const n = 8, k = 29, m = 12; // n and m multiples of 4: no edge blocks, so no slack to lay out
    const A = Array.from({ length: n * k }, (_, i) => Math.sin(i + 1) * 10 ** ((i % 7) - 3));
    const B = Array.from({ length: k * m }, (_, i) => Math.cos(3 * i) / (1 + (i % 5)));
    const page = await browser.newPage();
    await page.goto(`${site}/`);
    const inBrowser = await page.evaluate(({ bytes, A, B, n, k, m }) => {
      const inst = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes)), {});
      const heap = new Float64Array((inst.exports.memory as WebAssembly.Memory).buffer);
      heap.set(A, 0);
      heap.set(B, n * k);
      (inst.exports.matmul as (...args: number[]) => void)(8 * (n * k + k * m), 0, 8 * n * k, n, k, m, 8 * k, 8);
      return Array.from(heap.subarray(n * k + k * m, n * k + k * m + n * m));
    }, { bytes: Array.from(KERNELS_WASM), A, B, n, k, m });
    const C = matmul(mat(n, k, Float64Array.from(A)), mat(k, m, Float64Array.from(B)));
    setWasmKernels(false);
    const scalar = Array.from(matmul(mat(n, k, Float64Array.from(A)), mat(k, m, Float64Array.from(B))).data);
    setWasmKernels(true);
    expect(Array.from(C.data).every((x, i) => Object.is(x, scalar[i]))).toBe(true);
    expect(inBrowser.every((x, i) => Object.is(x, scalar[i]))).toBe(true);
    await page.close();
  });
});

import type { Mat } from './mat.ts';
import { MATMUL_WASM } from './wasm/matmulWasmBytes.ts';

/**
 * The WebAssembly SIMD matrix product (wasm/matmul.wat): 2–3× faster than the scalar kernel on the
 * engine's shapes, and bit-identical to it, so which one ran never shows in a result. Operands are
 * copied (transposed where asked) into the module's memory with rows and columns padded to multiples
 * of 4; padding only feeds output entries that are never copied back.
 *
 * Where WebAssembly or its SIMD extension is missing (or disabled with setWasmMatmul(false)), the
 * caller falls back to the scalar kernel.
 */
interface Kernel {
  memory: WebAssembly.Memory;
  matmul: (c: number, a: number, b: number, n: number, k: number, m: number) => void;
  heap: Float64Array;
}

let kernel: Kernel | null | undefined; // undefined: not tried yet; null: unavailable
let enabled = true;

function load(): Kernel | null {
  try {
    if (typeof WebAssembly !== 'object' || !WebAssembly.validate(MATMUL_WASM)) return null;
    // Synchronous compile is allowed here: the module is far below the browsers' 4 KB main-thread limit.
    const inst = new WebAssembly.Instance(new WebAssembly.Module(MATMUL_WASM), {});
    const memory = inst.exports.memory as WebAssembly.Memory;
    return { memory, matmul: inst.exports.matmul as Kernel['matmul'], heap: new Float64Array(memory.buffer) };
  } catch {
    return null;
  }
}

/** Turns the WebAssembly path off or on (tests compare both paths; the default is on). */
export function setWasmMatmul(on: boolean): void {
  enabled = on;
}

/** Whether products currently run in WebAssembly. */
export function wasmMatmulAvailable(): boolean {
  if (kernel === undefined) kernel = load();
  return enabled && kernel !== null;
}

const up4 = (x: number) => (x + 3) & ~3;

/** The module's memory as doubles, grown to hold at least `doubles` entries. */
function heapOf(kn: Kernel, doubles: number): Float64Array {
  if (kn.heap.length < doubles) {
    const pages = Math.ceil((doubles * 8 - kn.memory.buffer.byteLength) / 65536);
    kn.memory.grow(pages);
    kn.heap = new Float64Array(kn.memory.buffer); // growing detaches the old view
  }
  return kn.heap;
}

/**
 * out = op(a)·op(b), op(x) = xᵀ when the flag is set. Returns false (and writes nothing) when the
 * WebAssembly path is unavailable. Shapes are checked by the callers in mat.ts.
 */
export function matmulWasmInto(out: Mat, a: Mat, b: Mat, transA: boolean, transB: boolean): boolean {
  if (!wasmMatmulAvailable()) return false;
  const kn = kernel as Kernel;
  const n = out.rows, m = out.cols, k = transA ? a.rows : a.cols;
  const n4 = up4(n), m4 = up4(m);
  const offA = 0, offB = n4 * k, offC = offB + k * m4;
  const H = heapOf(kn, offC + n4 * m4);
  const A = a.data, B = b.data, C = out.data;
  // A as n4 × k rows.
  if (transA) {
    for (let i = 0; i < n; i++) for (let p = 0; p < k; p++) H[offA + i * k + p] = A[p * n + i];
  } else {
    H.set(A.subarray(0, n * k), offA);
  }
  H.fill(0, offA + n * k, offB);
  // B as k × m4 rows.
  for (let p = 0; p < k; p++) {
    const row = offB + p * m4;
    if (transB) for (let j = 0; j < m; j++) H[row + j] = B[j * k + p];
    else H.set(B.subarray(p * m, p * m + m), row);
    for (let j = m; j < m4; j++) H[row + j] = 0;
  }
  kn.matmul(offC * 8, offA * 8, offB * 8, n4, k, m4);
  if (m4 === m) C.set(H.subarray(offC, offC + n * m));
  else for (let i = 0; i < n; i++) C.set(H.subarray(offC + i * m4, offC + i * m4 + m), i * m);
  return true;
}

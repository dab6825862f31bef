import type { Mat } from './mat.ts';
import { MATMUL_WASM } from './wasm/matmulWasmBytes.ts';

/**
 * The WebAssembly SIMD matrix product (wasm/matmul.wat): 2–3× faster than the scalar kernel on the
 * engine's shapes, and bit-identical to it, so which one ran never shows in a result. Operands are
 * copied into the module's memory as they are (A transposed is read in place through strides); only
 * a transposed B is rearranged. Each operand is followed by zeroed slack that the kernel's edge
 * blocks may read or write (see the .wat file).
 *
 * Where WebAssembly or its SIMD extension is missing (or disabled with setWasmMatmul(false)), the
 * caller falls back to the scalar kernel.
 */
interface Kernel {
  memory: WebAssembly.Memory;
  matmul: (c: number, a: number, b: number, n: number, k: number, m: number, si: number, sp: number) => void;
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
  const n4 = (n + 3) & ~3;
  // A (n×k, or k×n when transposed) + slack for 3 extra rows; B (k×m) + 3; C (n4×m) + 3.
  const lenA = n * k, slackA = transA ? 4 : 3 * k + 4;
  const offA = 0, offB = offA + lenA + slackA, offC = offB + k * m + 4;
  const H = heapOf(kn, offC + n4 * m + 4);
  const A = a.data, B = b.data, C = out.data;
  H.set(A.length === lenA ? A : A.subarray(0, lenA), offA);
  H.fill(0, offA + lenA, offB);
  if (transB) {
    for (let p = 0; p < k; p++) for (let j = 0; j < m; j++) H[offB + p * m + j] = B[j * k + p];
  } else {
    H.set(B.length === k * m ? B : B.subarray(0, k * m), offB);
  }
  H.fill(0, offB + k * m, offC);
  kn.matmul(offC * 8, offA * 8, offB * 8, n, k, m, transA ? 8 : 8 * k, transA ? 8 * n : 8);
  C.set(H.subarray(offC, offC + n * m));
  return true;
}

import { KERNELS_WASM } from './wasm/kernelsWasmBytes.ts';

/**
 * The engine's WebAssembly SIMD kernels (wasm/kernels.wat): instantiated once per realm on first use,
 * with one growable memory shared by every kernel call. Each kernel reproduces the scalar JavaScript
 * code bit for bit, so a result never depends on which path ran. Where WebAssembly or its SIMD
 * extension is missing, or after setWasmKernels(false), wasmKernels() returns null and callers use
 * their scalar code.
 */
export interface WasmKernels {
  /** C = A·B with strided A; see kernels.wat for the layout and the slack it needs. */
  matmul(c: number, a: number, b: number, n: number, k: number, m: number, si: number, sp: number): void;
  /** x ← tanh x for count f64 at byte offset ptr (an odd count also rewrites the next f64). */
  tanh(ptr: number, count: number): void;
  /** The module's memory as doubles, grown to at least `doubles` entries (older views go stale). */
  heap(doubles: number): Float64Array;
}

let loaded: WasmKernels | null | undefined; // undefined: not tried yet; null: unavailable
let enabled = true;

function load(): WasmKernels | null {
  try {
    if (typeof WebAssembly !== 'object' || !WebAssembly.validate(KERNELS_WASM)) return null;
    // A synchronous compile is allowed: the module is below the browsers' 4 KB main-thread limit.
    const ex = new WebAssembly.Instance(new WebAssembly.Module(KERNELS_WASM), {}).exports;
    const memory = ex.memory as WebAssembly.Memory;
    let view = new Float64Array(memory.buffer);
    return {
      matmul: ex.matmul as WasmKernels['matmul'],
      tanh: ex.tanh as WasmKernels['tanh'],
      heap(doubles) {
        if (view.length < doubles) {
          memory.grow(Math.ceil((doubles * 8 - memory.buffer.byteLength) / 65536));
          view = new Float64Array(memory.buffer); // growing detaches the old buffer
        }
        return view;
      },
    };
  } catch {
    return null;
  }
}

/** The kernels, or null where they cannot run or are switched off. */
export function wasmKernels(): WasmKernels | null {
  if (loaded === undefined) loaded = load();
  return enabled ? loaded : null;
}

/** Switches the WebAssembly path off or on (tests compare both paths; the default is on). */
export function setWasmKernels(on: boolean): void {
  enabled = on;
}

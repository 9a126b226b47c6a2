// A hand-written WebAssembly SIMD micro-kernel for float32 matmul, emitted as bytes from this
// file at load time (no toolchain): C[4x8 tile] += Apanel[kc x 4] * Bpanel[kc x 8], with the
// 8 accumulators held in v128 locals. Packing, tiling and edges stay in TypeScript (matmul.ts).
// Returns null where WebAssembly SIMD is unavailable; callers then use the plain-JS kernel.
import {
  F32X4_ADD,
  F32X4_MUL,
  get,
  I32,
  I32_ADD,
  I32_SUB,
  i32Const,
  instantiateKernel,
  load32Splat,
  set,
  tee,
  uleb,
  V128,
  v128Load,
  v128Store,
  vec,
} from "./wasm-emit.ts";

/** Rows x columns of one register tile; matmul.ts packs A in 4-row and B in 8-column panels. */
export const MR = 4;
export const NR = 8;

/**
 * kernel(ap, bp, cp, kc, ldc): ap points at kc groups of 4 A values (one per tile row), bp at kc
 * groups of 8 B values, cp at the tile's top-left in a row-major C with row pitch ldc bytes.
 * Loads the tile, adds the kc rank-1 updates (float32 accumulation) and stores it back.
 */
function kernelBody(): number[] {
  const [AP, BP, CP, KC, LDC] = [0, 1, 2, 3, 4];
  const acc = (r: number, h: number) => 5 + 2 * r + h; // v128 locals 5 .. 4 + 2 * MR
  const [B0, B1, A, P] = [5 + 2 * MR, 6 + 2 * MR, 7 + 2 * MR, 8 + 2 * MR];
  const code: number[] = [];
  const eachRow = (f: (r: number) => void) => {
    code.push(...get(CP), ...set(P));
    for (let r = 0; r < MR; r++) {
      f(r);
      code.push(...get(P), ...get(LDC), I32_ADD, ...set(P));
    }
  };
  eachRow((r) => {
    code.push(...get(P), ...v128Load(0), ...set(acc(r, 0)));
    code.push(...get(P), ...v128Load(16), ...set(acc(r, 1)));
  });
  code.push(0x03, 0x40); // loop (no result)
  code.push(...get(BP), ...v128Load(0), ...set(B0));
  code.push(...get(BP), ...v128Load(16), ...set(B1));
  for (let r = 0; r < MR; r++) {
    code.push(...get(AP), ...load32Splat(4 * r), ...set(A));
    for (const [h, b] of [
      [0, B0],
      [1, B1],
    ] as const) {
      code.push(...get(acc(r, h)), ...get(A), ...get(b), ...F32X4_MUL, ...F32X4_ADD);
      code.push(...set(acc(r, h)));
    }
  }
  code.push(...get(AP), ...i32Const(4 * MR), I32_ADD, ...set(AP));
  code.push(...get(BP), ...i32Const(4 * NR), I32_ADD, ...set(BP));
  code.push(...get(KC), ...i32Const(1), I32_SUB, ...tee(KC), 0x0d, 0); // br_if 0
  code.push(0x0b); // end loop
  eachRow((r) => {
    code.push(...get(P), ...get(acc(r, 0)), ...v128Store(0));
    code.push(...get(P), ...get(acc(r, 1)), ...v128Store(16));
  });
  code.push(0x0b); // end function
  const locals = vec([
    [...uleb(2 * MR + 3), V128],
    [...uleb(1), I32],
  ]);
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

export type Kernel = (ap: number, bp: number, cp: number, kc: number, ldc: number) => void;

export interface WasmGemm {
  memory: WebAssembly.Memory;
  kernel: Kernel;
}

let cached: WasmGemm | null | undefined;

/** The instantiated kernel and its memory, or null when this runtime lacks WebAssembly SIMD. */
export function wasmGemm(): WasmGemm | null {
  if (cached === undefined) cached = instantiateKernel<Kernel>(5, kernelBody(), 16);
  return cached;
}

// A WebAssembly SIMD kernel for the hot loop of the float32 cascade sum (cascade-sum.ts):
// for each block of `step` rows of 32 contiguous float32 (one row = the four 8-lane vectors
// that PyTorch's row_sum keeps apart), the 32 running sums from zero, in row order, with float32
// adds (f32x4.add rounds each lane as a scalar float32 add would). The levels above the blocks
// stay in TypeScript. Emitted as bytes at load time (wasm-emit.ts); null without SIMD.
import {
  F32X4_ADD,
  get,
  I32,
  I32_ADD,
  I32_SUB,
  i32Const,
  instantiateKernel,
  set,
  simd,
  tee,
  uleb,
  V128,
  v128Load,
  v128Store,
  vec,
} from "./wasm-emit.ts";

const ROW_BYTES = 128; // 32 float32

/** blocks(src, nblocks, step, dst): dst[b][0..32) = sums of rows b*step .. b*step+step-1. */
function kernelBody(): number[] {
  const [SRC, NB, STEP, DST] = [0, 1, 2, 3];
  const acc = (m: number) => 4 + m; // v128 locals 4..11
  const J = 12;
  const zero = simd(0x0c, ...new Array<number>(16).fill(0)); // v128.const 0
  const code: number[] = [];
  code.push(0x03, 0x40); // loop over blocks
  for (let m = 0; m < 8; m++) code.push(...zero, ...set(acc(m)));
  code.push(...get(STEP), ...set(J));
  code.push(0x03, 0x40); // loop over the block's rows
  for (let m = 0; m < 8; m++)
    code.push(...get(acc(m)), ...get(SRC), ...v128Load(16 * m), ...F32X4_ADD, ...set(acc(m)));
  code.push(...get(SRC), ...i32Const(ROW_BYTES), I32_ADD, ...set(SRC));
  code.push(...get(J), ...i32Const(1), I32_SUB, ...tee(J), 0x0d, 0); // br_if rows
  code.push(0x0b);
  for (let m = 0; m < 8; m++) code.push(...get(DST), ...get(acc(m)), ...v128Store(16 * m));
  code.push(...get(DST), ...i32Const(ROW_BYTES), I32_ADD, ...set(DST));
  code.push(...get(NB), ...i32Const(1), I32_SUB, ...tee(NB), 0x0d, 0); // br_if blocks
  code.push(0x0b);
  code.push(0x0b); // end function
  const locals = vec([
    [...uleb(8), V128],
    [...uleb(1), I32],
  ]);
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

interface Instance {
  memory: WebAssembly.Memory;
  kernel: (src: number, nblocks: number, step: number, dst: number) => void;
}

let cached: Instance | null | undefined;

function instance(): Instance | null {
  if (cached === undefined) cached = instantiateKernel<Instance["kernel"]>(4, kernelBody(), 1);
  return cached;
}

/**
 * The 32 per-lane sums of each of `blocks` blocks of `step` rows of x from x[base] (rows of 32
 * contiguous float32), as a view of the kernel's memory (valid until the next call), or null
 * without WebAssembly SIMD. The kernel's memory grows to fit and is kept for reuse (callers
 * pass a few MiB at a time).
 */
export function blockSums32(
  x: Float32Array,
  base: number,
  blocks: number,
  step: number,
): Float32Array | null {
  const w = instance();
  if (w === null || blocks < 1) return null;
  const n = blocks * step * 32;
  const need = (n + blocks * 32) * 4;
  const have = w.memory.buffer.byteLength;
  if (need > have) w.memory.grow(Math.ceil((need - have) / 65536));
  const mem = new Float32Array(w.memory.buffer);
  mem.set(x.subarray(base, base + n));
  w.kernel(0, blocks, step, n * 4);
  return mem.subarray(n, n + blocks * 32);
}

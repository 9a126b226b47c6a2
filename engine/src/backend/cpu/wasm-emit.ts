// Emitting WebAssembly binaries from TypeScript, for the CPU backend's hand-written SIMD kernels
// (wasm-gemm.ts, wasm-sum.ts): LEB128, sections, and the opcodes those kernels use.

/** Unsigned LEB128, as every index, size and memarg in the binary format is written. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

export const section = (id: number, body: number[]): number[] => [
  id,
  ...uleb(body.length),
  ...body,
];
export const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
export const name = (s: string): number[] => [
  ...uleb(s.length),
  ...[...s].map((c) => c.charCodeAt(0)),
];

// Opcodes used below (WebAssembly core 2.0 + fixed-width SIMD).
export const I32 = 0x7f;
export const V128 = 0x7b;
export const get = (i: number) => [0x20, ...uleb(i)];
export const set = (i: number) => [0x21, ...uleb(i)];
export const tee = (i: number) => [0x22, ...uleb(i)];
export const i32Const = (n: number) => [0x41, ...uleb(n)]; // small non-negative constants only
export const I32_ADD = 0x6a;
export const I32_SUB = 0x6b;
export const simd = (op: number, ...imm: number[]) => [0xfd, ...uleb(op), ...imm];
export const memarg = (offset: number) => [0, ...uleb(offset)]; // alignment hint 1: always valid
export const v128Load = (offset: number) => simd(0x00, ...memarg(offset));
export const v128Store = (offset: number) => simd(0x0b, ...memarg(offset));
export const load32Splat = (offset: number) => simd(0x09, ...memarg(offset));
export const F32X4_ADD = simd(0xe4);
export const F32X4_MUL = simd(0xe6);

/**
 * Compiles a module of one function, exported as `k`, taking `params` i32 parameters and using
 * the imported memory `e.m` (`initialPages` 64 KiB pages to start); `body` is the function's
 * encoded body. The kernel and its memory, or null where WebAssembly or its SIMD is missing.
 */
export function instantiateKernel<K>(
  params: number,
  body: number[],
  initialPages: number,
): { memory: WebAssembly.Memory; kernel: K } | null {
  try {
    if (typeof WebAssembly === "undefined") return null;
    const bytes = new Uint8Array([
      ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
      ...section(1, vec([[0x60, ...vec(new Array(params).fill([I32])), 0]])),
      ...section(2, vec([[...name("e"), ...name("m"), 0x02, 0x00, ...uleb(1)]])), // memory, min 1
      ...section(3, vec([[0]])),
      ...section(7, vec([[...name("k"), 0x00, 0]])),
      ...section(10, vec([body])),
    ]);
    const memory = new WebAssembly.Memory({ initial: initialPages });
    const module = new WebAssembly.Module(bytes);
    const inst = new WebAssembly.Instance(module, { e: { m: memory } });
    return { memory, kernel: inst.exports.k as K };
  } catch {
    return null;
  }
}

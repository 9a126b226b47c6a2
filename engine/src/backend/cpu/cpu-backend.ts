// The CPU backend: the readable reference implementation of every kernel in Backend.
// Buffers are typed arrays; all math is done in JS doubles and stored into the output's
// typed array, which rounds to float32 or wraps as the dtype does.

import { castToInt, DTYPES, type DType, type TypedArray } from "../../core/dtype.ts";
import { BINARY, type BinaryOp, UNARY, type UnaryOp } from "../../core/elementwise-defs.ts";
import { runtimeError } from "../../core/errors.ts";
import { contiguousStrides } from "../../core/shape.ts";
import type { ArgReduceOp, Backend, ReduceOp, View } from "../backend.ts";
import { ConstantCache } from "../constant-cache.ts";
import { FAST_BINARY } from "./fast-binary.ts";
import { copyRow, FAST_UNARY } from "./fast-unary.ts";
import { cpuGather, cpuScatter, cpuSort, cpuTopk } from "./indexing.ts";
import { cpuLuFactor, cpuLuSolve } from "./lu.ts";
import { cpuMatmul } from "./matmul.ts";
import { vectorNorm32 } from "./prod-norm.ts";
import { cpuArgReduce, cpuCumulative, cpuReduce } from "./reduce.ts";
import { softmaxLastDim32 } from "./softmax.ts";
import { forEachRow, stridedBinary, stridedUnary } from "./strided.ts";

type Row = (offsets: Int32Array | number[], n: number, inner: readonly number[]) => void;

const buf = (v: View): TypedArray => v.buf as TypedArray;

// The generic loops for every table op. Their closure body is shared by all ops, so once several
// ops have run V8 calls `f` polymorphically (no inlining); hot ops have their own kernels in
// fast-binary.ts and fast-unary.ts, and these loops remain the reference for the rest.
function makeUnaryLoop(f: (x: number, p: readonly number[]) => number) {
  return (x: TypedArray, y: TypedArray, p: readonly number[]): Row =>
    (o, n, s) => {
      let xi = o[0] as number;
      let yi = o[1] as number;
      const xs = s[0] as number;
      const ys = s[1] as number;
      for (let i = 0; i < n; i++, xi += xs, yi += ys) y[yi] = f(x[xi] as number, p);
    };
}

function makeBinaryLoop(f: (a: number, b: number) => number) {
  return (a: TypedArray, b: TypedArray, y: TypedArray): Row =>
    (o, n, s) => {
      let ai = o[0] as number;
      let bi = o[1] as number;
      let yi = o[2] as number;
      const as = s[0] as number;
      const bs = s[1] as number;
      const ys = s[2] as number;
      if (as === 1 && bs === 1 && ys === 1) {
        for (let i = 0; i < n; i++) y[yi + i] = f(a[ai + i] as number, b[bi + i] as number);
        return;
      }
      for (let i = 0; i < n; i++, ai += as, bi += bs, yi += ys)
        y[yi] = f(a[ai] as number, b[bi] as number);
    };
}

const unaryLoops = new Map<string, ReturnType<typeof makeUnaryLoop>>(
  Object.entries(UNARY).map(([k, d]) => [k, makeUnaryLoop(d.cpu)]),
);
const f32Loop = (math: (x: number, p: readonly number[]) => number) =>
  makeUnaryLoop((x, p) => math(Math.fround(x), p));
/** The ops whose float32 results follow PyTorch's own float32 math (UnaryDef.cpuF32). */
const unaryLoopsF32 = new Map<string, ReturnType<typeof makeUnaryLoop>>(
  Object.entries(UNARY).flatMap(([k, d]) =>
    "cpuF32" in d && d.cpuF32 !== undefined
      ? [[k, f32Loop(d.cpuF32 as (x: number, p: readonly number[]) => number)] as const]
      : [],
  ),
);
const binaryLoops = new Map<string, ReturnType<typeof makeBinaryLoop>>(
  Object.entries(BINARY).map(([k, d]) => [k, makeBinaryLoop(d.cpu)]),
);

// Integer results must wrap or truncate like the dtype; typed arrays do this except for int64
// (held in a Float64Array), where we truncate toward zero ourselves.
function fixInt64(dst: View): void {
  if (dst.dtype !== "int64") return;
  const y = buf(dst);
  forEachRow([dst], (o, n, s) => {
    let yi = o[0] as number;
    const ys = s[0] as number;
    for (let i = 0; i < n; i++, yi += ys) {
      const v = y[yi] as number;
      // v === 0 also catches -0 (from -0 * 3, fmod(-2, 2), ...): an integer prints 0.
      if (v === 0) y[yi] = 0;
      else if (!Number.isInteger(v)) y[yi] = Number.isFinite(v) ? Math.trunc(v) + 0 : -(2 ** 63);
    }
  });
}

const boolify = (dst: View): void => {
  // Uint8Array stores 2 for true+true; bool tensors hold 0/1 only.
  if (dst.dtype !== "bool") return;
  const y = buf(dst);
  forEachRow([dst], (o, n, s) => {
    let yi = o[0] as number;
    const ys = s[0] as number;
    for (let i = 0; i < n; i++, yi += ys) if (y[yi] !== 0) y[yi] = 1;
  });
};

function normalize(dst: View): void {
  fixInt64(dst);
  boolify(dst);
}

export class CpuBackend implements Backend {
  readonly device = "cpu" as const;
  readonly name = "cpu";

  alloc(dtype: DType, numel: number): TypedArray {
    return new DTYPES[dtype].array(numel);
  }
  free(_buf: unknown): void {
    // Typed arrays are reclaimed by the garbage collector once the storage drops them.
  }
  private readonly constants = new ConstantCache<TypedArray>((dtype, value) => {
    const a = new DTYPES[dtype].array(1);
    a[0] = value;
    return a;
  });
  constant(dtype: DType, value: number): TypedArray {
    return this.constants.get(dtype, value);
  }
  upload(b: unknown, data: TypedArray): void {
    (b as TypedArray).set(data);
  }
  async read(v: View): Promise<TypedArray> {
    return this.readSync(v);
  }
  readSync(v: View): TypedArray {
    const n = v.shape.reduce((a, b) => a * b, 1);
    const out = new DTYPES[v.dtype].array(n);
    this.copy(v, {
      buf: out,
      dtype: v.dtype,
      shape: v.shape,
      strides: contiguousStrides(v.shape),
      offset: 0,
    });
    return out;
  }
  fill(dst: View, value: number): void {
    const y = buf(dst);
    forEachRow([dst], (o, n, s) => {
      let yi = o[0] as number;
      const ys = s[0] as number;
      for (let i = 0; i < n; i++, yi += ys) y[yi] = value;
    });
  }
  copy(src: View, dst: View): void {
    if (dst.dtype === "bool" && src.dtype !== "bool") {
      // A Uint8Array would store 0.5 as 0 and NaN as 0; a cast to bool is "x != 0" (NaN is true).
      const x = buf(src);
      const y = buf(dst);
      forEachRow([src, dst], (o, n, st) => {
        let xi = o[0] as number;
        let yi = o[1] as number;
        for (let i = 0; i < n; i++, xi += st[0] as number, yi += st[1] as number)
          y[yi] = x[xi] !== 0 ? 1 : 0;
      });
      return;
    }
    if (dst.dtype === "int32" && DTYPES[src.dtype].isFloat) {
      // An Int32Array wraps 3e9 modulo 2^32; C's cast (and so PyTorch) gives INT32_MIN.
      const x = buf(src);
      const y = buf(dst);
      forEachRow([src, dst], (o, n, st) => {
        let xi = o[0] as number;
        let yi = o[1] as number;
        for (let i = 0; i < n; i++, xi += st[0] as number, yi += st[1] as number)
          y[yi] = castToInt(x[xi] as number, 32);
      });
      return;
    }
    stridedUnary(copyRow, src, dst, []);
    if (src.dtype !== dst.dtype) normalize(dst);
  }
  unary(op: UnaryOp, src: View, dst: View, params: readonly number[]): void {
    const fast = FAST_UNARY[op];
    if (fast !== undefined) {
      stridedUnary(fast, src, dst, params);
      normalize(dst);
      return;
    }
    const loop =
      (dst.dtype === "float32" ? unaryLoopsF32.get(op) : undefined) ?? unaryLoops.get(op);
    if (!loop) throw runtimeError(`cpu backend: no unary kernel ${op}`);
    forEachRow([src, dst], loop(buf(src), buf(dst), params));
    normalize(dst);
  }
  binary(op: BinaryOp, a: View, b: View, dst: View): void {
    const fast = FAST_BINARY[op];
    if (fast !== undefined) {
      stridedBinary(fast, a, b, dst);
      normalize(dst);
      return;
    }
    const loop = binaryLoops.get(op);
    if (!loop) throw runtimeError(`cpu backend: no binary kernel ${op}`);
    forEachRow([a, b, dst], loop(buf(a), buf(b), buf(dst)));
    normalize(dst);
  }
  where(cond: View, a: View, b: View, dst: View): void {
    const c = buf(cond);
    const x = buf(a);
    const z = buf(b);
    const y = buf(dst);
    forEachRow([cond, a, b, dst], (o, n, s) => {
      let ci = o[0] as number;
      let ai = o[1] as number;
      let bi = o[2] as number;
      let yi = o[3] as number;
      for (
        let i = 0;
        i < n;
        i++, ci += s[0] as number, ai += s[1] as number, bi += s[2] as number, yi += s[3] as number
      ) {
        y[yi] = c[ci] !== 0 ? (x[ai] as number) : (z[bi] as number);
      }
    });
  }
  reduce(op: ReduceOp, src: View, dst: View): void {
    cpuReduce(op, src, dst);
    normalize(dst); // an int64 product can be -0 (0 * -1)
  }
  argReduce(op: ArgReduceOp, src: View, values: View | null, indices: View): void {
    cpuArgReduce(op, src, values, indices);
  }
  matmul(a: View, b: View, dst: View): void {
    cpuMatmul(a, b, dst);
  }
  cumulative(op: "cumsum" | "cumprod", src: View, dst: View): void {
    cpuCumulative(op, src, dst);
    normalize(dst);
  }
  gather(src: View, dim: number, index: View, dst: View): void {
    cpuGather(src, dim, index, dst);
  }
  scatter(dst: View, dim: number, index: View, src: View, reduce: "none" | "add"): void {
    cpuScatter(dst, dim, index, src, reduce);
  }
  sort(src: View, descending: boolean, values: View, indices: View, stable = true): void {
    cpuSort(src, descending, values, indices, stable);
  }
  softmaxLastDim(src: View, dst: View, log: boolean): void {
    const n = src.shape.length === 0 ? 1 : (src.shape[src.shape.length - 1] as number);
    const numel = src.shape.reduce((a, b) => a * b, 1);
    const rows = n === 0 ? 0 : numel / n;
    softmaxLastDim32(
      buf(src) as Float32Array,
      src.offset,
      buf(dst) as Float32Array,
      dst.offset,
      rows,
      n,
      log,
    );
  }
  vectorNorm(p: 1 | 2, src: View, dst: View): void {
    vectorNorm32(p, src, dst);
  }
  topk(src: View, k: number, largest: boolean, sorted: boolean, values: View, indices: View): void {
    cpuTopk(src, k, largest, sorted, values, indices);
  }
  luFactor(src: View, lu: View, pivots: View, info: View): void {
    cpuLuFactor(src, lu, pivots, info);
  }
  luSolve(lu: View, pivots: View, b: View, dst: View, transpose: boolean): void {
    cpuLuSolve(lu, pivots, b, dst, transpose);
  }
}

export const cpu = new CpuBackend();

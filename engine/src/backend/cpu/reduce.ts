// CPU reductions: full and per-dim reductions over the trailing dims of a view, arg-reductions
// and cumulative scans over the last dim. Float sums add in PyTorch's order (cascade-sum.ts),
// float products multiply in it (prod-norm.ts); the other reductions accumulate in doubles;
// cumsum accumulates in doubles as PyTorch's does.
import type { TypedArray } from "../../core/dtype.ts";
import type { ArgReduceOp, ReduceOp, View } from "../backend.ts";
import { cascadeSum } from "./cascade-sum.ts";
import { vecProd } from "./prod-norm.ts";
import { coalesce, forEachRow } from "./strided.ts";

const buf = (v: View): TypedArray => v.buf as TypedArray;

/** Calls at(base) for every position of the leading `nd` dims of v, in row-major order. */
function forEachOuter(v: View, nd: number, at: (base: number) => void): void {
  const outer: View = {
    buf: v.buf,
    dtype: v.dtype,
    shape: v.shape.slice(0, nd),
    strides: v.strides.slice(0, nd),
    offset: v.offset,
  };
  forEachRow([outer], (o, n, s) => {
    const step = s[0] as number;
    for (let i = 0, b = o[0] as number; i < n; i++, b += step) at(b);
  });
}

/** Relative offsets of every element of the trailing dims, or a single (count, stride) run. */
function innerPlan(
  shape: readonly number[],
  strides: readonly number[],
): { n: number; stride: number; offsets: Float64Array | null } {
  const n = shape.reduce((a, b) => a * b, 1);
  const c = coalesce(shape, [strides]);
  if (c.shape.length === 1)
    return { n, stride: (c.strides[0] as number[])[0] as number, offsets: null };
  const offsets = new Float64Array(n);
  let k = 0;
  const v: View = { buf: null, dtype: "float64", shape, strides, offset: 0 };
  forEachRow([v], (o, m, s) => {
    for (let i = 0; i < m; i++) offsets[k++] = (o[0] as number) + i * (s[0] as number);
  });
  return { n, stride: 0, offsets };
}

type Acc = { init: number; step: (acc: number, x: number) => number };
const ACC: Record<ReduceOp, Acc> = {
  sum: { init: 0, step: (a, x) => a + x },
  prod: { init: 1, step: (a, x) => a * x },
  max: { init: Number.NEGATIVE_INFINITY, step: (a, x) => (x > a || x !== x ? x : a) },
  min: { init: Number.POSITIVE_INFINITY, step: (a, x) => (x < a || x !== x ? x : a) },
  all: { init: 1, step: (a, x) => (a !== 0 && x !== 0 ? 1 : 0) },
  any: { init: 0, step: (a, x) => (a !== 0 || x !== 0 ? 1 : 0) },
};

/** Sum of a short unit-stride run; four double accumulators hide the add latency (~3x). */
function sumBlock(x: TypedArray, base: number, n: number): number {
  const v = x.subarray(base, base + n);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += v[i] as number;
    s1 += v[i + 1] as number;
    s2 += v[i + 2] as number;
    s3 += v[i + 3] as number;
  }
  for (; i < n; i++) s0 += v[i] as number;
  return s0 + s1 + (s2 + s3);
}

/**
 * Sum of n values from x[base] with a stride, without the ACC table's closure call. Long runs
 * go in 4096-element blocks: V8's on-stack-replaced code for one 1M-long loop ran ~10x slower
 * than the same loop compiled normally after a few calls (Node 22).
 */
function sumRun(x: TypedArray, base: number, n: number, stride: number): number {
  let s = 0;
  if (stride === 1) {
    for (let i = 0; i < n; i += 4096) s += sumBlock(x, base + i, Math.min(4096, n - i));
    return s;
  }
  for (let i = 0, p = base; i < n; i++, p += stride) s += x[p] as number;
  return s;
}

export function cpuReduce(op: ReduceOp, src: View, dst: View): void {
  if (op === "sum" && (src.dtype === "float32" || src.dtype === "float64")) {
    cascadeSum(src, dst);
    return;
  }
  if (op === "prod" && (src.dtype === "float32" || src.dtype === "float64")) {
    vecProd(src, dst);
    return;
  }
  const nd = dst.shape.length;
  const plan = innerPlan(src.shape.slice(nd), src.strides.slice(nd));
  const x = buf(src);
  const y = buf(dst);
  const { init, step } = ACC[op];
  const propagatesNaN = op === "max" || op === "min";
  let k = dst.offset;
  if (op === "sum" && plan.offsets === null) {
    forEachOuter(src, nd, (base) => {
      y[k++] = sumRun(x, base, plan.n, plan.stride);
    });
    return;
  }
  forEachOuter(src, nd, (base) => {
    let acc = init;
    if (plan.offsets === null) {
      for (let i = 0, p = base; i < plan.n; i++, p += plan.stride) acc = step(acc, x[p] as number);
    } else {
      for (let i = 0; i < plan.n; i++)
        acc = step(acc, x[base + (plan.offsets[i] as number)] as number);
    }
    if (propagatesNaN && acc !== acc) acc = Number.NaN;
    y[k++] = acc;
  });
}

export function cpuArgReduce(op: ArgReduceOp, src: View, values: View | null, indices: View): void {
  const nd = src.shape.length - 1;
  const n = src.shape[nd] as number;
  const stride = src.strides[nd] as number;
  const x = buf(src);
  const vi = values ? buf(values) : null;
  const ii = buf(indices);
  const better =
    op === "argmax" ? (a: number, b: number) => a > b : (a: number, b: number) => a < b;
  let k = 0;
  forEachOuter(src, nd, (base) => {
    let best = x[base] as number;
    let at = 0;
    for (let i = 1, p = base + stride; i < n && best === best; i++, p += stride) {
      const v = x[p] as number;
      if (v !== v || better(v, best)) {
        best = v;
        at = i;
      }
    }
    if (vi) vi[(values as View).offset + k] = best;
    ii[indices.offset + k] = at;
    k++;
  });
}

export function cpuCumulative(op: "cumsum" | "cumprod", src: View, dst: View): void {
  const nd = src.shape.length - 1;
  const n = src.shape[nd] as number;
  const ss = src.strides[nd] as number;
  const ds = dst.strides[nd] as number;
  const x = buf(src);
  const y = buf(dst);
  const bases: number[] = [];
  forEachOuter(dst, nd, (b) => bases.push(b));
  let j = 0;
  forEachOuter(src, nd, (base) => {
    let acc = op === "cumsum" ? 0 : 1;
    for (let i = 0, p = base, q = bases[j++] as number; i < n; i++, p += ss, q += ds) {
      acc = op === "cumsum" ? acc + (x[p] as number) : acc * (x[p] as number);
      y[q] = acc;
    }
  });
}

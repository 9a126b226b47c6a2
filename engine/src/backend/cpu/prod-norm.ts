// Float products and 1- and 2-norms in PyTorch's CPU order, so float32 results carry PyTorch's
// last digits. Follows PyTorch 1.13's AVX2 build, one thread, over the iteration space that
// TensorIterator builds (the sorted, coalesced dims of cascade-sum.ts's iterationLayout):
//   prod: aten/src/ATen/native/cpu/ReduceOpsKernel.cpp (prod_kernel_impl) runs
//     binary_kernel_reduce_vec (aten/src/ATen/native/cpu/Reduce.h) with a multiplication. The
//     output is filled with 1; each 2-D loop then multiplies into it, by one of three kernels:
//     - reduced dim contiguous (vectorized_inner_reduction): 4 vectors of L lanes (L = 8
//       float32, 4 float64) hold the first 4L elements, each later block of 4L multiplies in
//       lane by lane; then (v0 * v1) * (v2 * v3), its lanes left to right, into the output,
//       and the n % 4L tail one element at a time;
//     - kept dim contiguous (vectorized_outer_reduction): 4L adjacent outputs at a time, each a
//       running product down the reduced dim, then the remaining outputs one at a time;
//     - otherwise every element in turn into its output (basic_loop).
//   norm, p = 1 and 2: norm_kernel_tensor_iterator_impl (ReduceOpsKernel.cpp) runs
//     binary_kernel_reduce with NormOneOps (acc + |x|) or NormTwoOps (acc + x * x, contracted
//     to a fused multiply-add by the AVX2 build), accumulating in float32 through each output's
//     reduced elements in iteration order (dim 0 fastest), then sqrt for p = 2. For p = 2 over
//     one contiguous reduced dim (is_reduce_lastdim) a vector kernel runs instead: 8 lanes of
//     fused acc + x * x over the first n - n % 8 elements, the lanes added left to right, then
//     the tail into the sum one element at a time: x * x rounded, then added, except the last
//     n % 4, fused (the build's compiler unrolled that loop by 4).
// Not followed: the parallel splits of inputs of 32768 elements or more over threads (their
// results depend on the thread count); this is the one-thread order.
import type { View } from "../backend.ts";
import { iterationLayout } from "./cascade-sum.ts";
import { forEachIndex } from "./indexing.ts";

type FloatBuf = Float32Array | Float64Array;
type Layout = { shape: number[]; in: number[]; out: number[] };

const ident = (v: number): number => v;

/**
 * fma(a, b, c) in float32 for float32 a, b, c: a * b is exact in a double, and the one double
 * rounding of the sum is undone where it lands on a float32 halfway point.
 */
export function fma32(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const r = Math.fround(s);
  if (r === s) return r;
  const t = s - p;
  const err = p - (s - t) + (c - t);
  if (err === 0) return r;
  const m = 2 * s - r; // the float32 on s's other side, when s is halfway between two
  if (Math.fround(m) !== m || m === r) return r;
  return err > 0 === m > r ? m : r;
}

/** The layout of src reduced into dst (trailing dims of src reduced), never empty. */
function layoutOf(src: View, dst: View): Layout {
  const nd = dst.shape.length;
  const outStrides: number[] = [];
  for (let d = 0; d < src.shape.length; d++)
    outStrides.push(d < nd ? (dst.strides[d] as number) : 0);
  const it = iterationLayout(src.shape, src.strides, outStrides);
  if (it.shape.length === 0) {
    it.shape.push(1);
    it.in.push(0);
    it.out.push(0);
  }
  return it;
}

/** Sets every element of dst to v. */
function fillView(dst: View, v: number): void {
  const y = dst.buf as FloatBuf;
  const nd = dst.shape.length;
  forEachIndex(dst.shape, (idx) => {
    let o = dst.offset;
    for (let d = 0; d < nd; d++) o += (idx[d] as number) * (dst.strides[d] as number);
    y[o] = v;
  });
}

/**
 * Calls body(xb, yb) for every index of the layout's dims from `from` on, in TensorIterator's
 * DimCounter order (dim `from` fastest), with the input and output offsets there.
 */
function forEachOuter(
  it: Layout,
  from: number,
  xb0: number,
  yb0: number,
  body: (xb: number, yb: number) => void,
): void {
  const outer = it.shape.slice(from).reverse();
  const inOuter = it.in.slice(from).reverse();
  const outOuter = it.out.slice(from).reverse();
  forEachIndex(outer, (idx) => {
    let xb = xb0;
    let yb = yb0;
    for (let d = 0; d < outer.length; d++) {
      xb += (idx[d] as number) * (inOuter[d] as number);
      yb += (idx[d] as number) * (outOuter[d] as number);
    }
    body(xb, yb);
  });
}

/** vectorized_inner_reduction's product of n contiguous elements from x[base]. */
function innerProd(
  x: FloatBuf,
  base: number,
  n: number,
  lanes: number,
  r: (v: number) => number,
  acc: Float64Array,
): number {
  const w = 4 * lanes;
  const count = Math.floor(n / w);
  let out = 1;
  if (count > 0) {
    if (x instanceof Float32Array) {
      // Eight lanes at a time in locals: each lane's running product is independent.
      const end = base + count * 32;
      const f = Math.fround;
      for (let c = 0; c < 32; c += 8) {
        let a0 = x[base + c] as number;
        let a1 = x[base + c + 1] as number;
        let a2 = x[base + c + 2] as number;
        let a3 = x[base + c + 3] as number;
        let a4 = x[base + c + 4] as number;
        let a5 = x[base + c + 5] as number;
        let a6 = x[base + c + 6] as number;
        let a7 = x[base + c + 7] as number;
        for (let p = base + 32 + c; p < end; p += 32) {
          a0 = f(a0 * (x[p] as number));
          a1 = f(a1 * (x[p + 1] as number));
          a2 = f(a2 * (x[p + 2] as number));
          a3 = f(a3 * (x[p + 3] as number));
          a4 = f(a4 * (x[p + 4] as number));
          a5 = f(a5 * (x[p + 5] as number));
          a6 = f(a6 * (x[p + 6] as number));
          a7 = f(a7 * (x[p + 7] as number));
        }
        acc[c] = a0;
        acc[c + 1] = a1;
        acc[c + 2] = a2;
        acc[c + 3] = a3;
        acc[c + 4] = a4;
        acc[c + 5] = a5;
        acc[c + 6] = a6;
        acc[c + 7] = a7;
      }
    } else {
      for (let c = 0; c < w; c++) acc[c] = x[base + c] as number;
      for (let i = 1, p = base + w; i < count; i++, p += w)
        for (let c = 0; c < w; c++) acc[c] = r((acc[c] as number) * (x[p + c] as number));
    }
    let b = 1;
    for (let l = 0; l < lanes; l++) {
      const v01 = r((acc[l] as number) * (acc[lanes + l] as number));
      const v23 = r((acc[2 * lanes + l] as number) * (acc[3 * lanes + l] as number));
      const v = r(v01 * v23);
      b = l === 0 ? v : r(b * v);
    }
    out = b;
  }
  for (let k = count * w; k < n; k++) out = r(out * (x[base + k] as number));
  return out;
}

const PROD_ACC = new Float64Array(32);

/**
 * acc[c] *= x[p + c] for 32 adjacent columns down `rows` rows `stride` apart, rounded to
 * float32: its own function so that its loop is compiled for float32 alone (with a call through
 * a rounding parameter, V8 compiled it to about half speed in some runs).
 */
function outerRows32(
  x: FloatBuf,
  from: number,
  stride: number,
  rows: number,
  acc: Float64Array,
): void {
  for (let i = 0, p = from; i < rows; i++, p += stride)
    for (let c = 0; c < 32; c++) acc[c] = Math.fround((acc[c] as number) * (x[p + c] as number));
}

/**
 * Multiplies the trailing `src.shape.length - dst.shape.length` dims of a float32 or float64
 * src into dst (same dtype), in PyTorch's CPU order (see the header).
 */
export function vecProd(src: View, dst: View): void {
  const x = src.buf as FloatBuf;
  const y = dst.buf as FloatBuf;
  const single = src.dtype === "float32";
  const r = single ? Math.fround : ident;
  const lanes = single ? 8 : 4;
  const w = 4 * lanes;
  fillView(dst, 1);
  for (const size of src.shape) if (size === 0) return;
  const it = layoutOf(src, dst);
  const size0 = it.shape[0] as number;
  const size1 = it.shape.length > 1 ? (it.shape[1] as number) : 1;
  const in0 = it.in[0] as number;
  const out0 = it.out[0] as number;
  const in1 = it.shape.length > 1 ? (it.in[1] as number) : 0;
  const out1 = it.shape.length > 1 ? (it.out[1] as number) : 0;
  const acc = PROD_ACC;
  forEachOuter(it, 2, src.offset, dst.offset, (xb, yb) => {
    if (out0 === 0 && in0 === 1) {
      for (let j = 0; j < size1; j++) {
        const o = yb + j * out1;
        y[o] = r((y[o] as number) * innerProd(x, xb + j * in1, size0, lanes, r, acc));
      }
    } else if (out0 === 0 && out1 === 1 && in1 === 1) {
      let j = 0;
      for (; j + w <= size1; j += w) {
        for (let c = 0; c < w; c++) acc[c] = x[xb + j + c] as number;
        if (single) outerRows32(x, xb + j + in0, in0, size0 - 1, acc);
        else
          for (let i = 1, p = xb + j + in0; i < size0; i++, p += in0)
            for (let c = 0; c < w; c++) acc[c] = (acc[c] as number) * (x[p + c] as number);
        for (let c = 0; c < w; c++)
          y[yb + j + c] = r((acc[c] as number) * (y[yb + j + c] as number));
      }
      for (; j < size1; j++) {
        let v = y[yb + j] as number;
        for (let i = 0, p = xb + j; i < size0; i++, p += in0) v = r(v * (x[p] as number));
        y[yb + j] = v;
      }
    } else {
      for (let j = 0; j < size1; j++)
        for (let i = 0; i < size0; i++) {
          const o = yb + j * out1 + i * out0;
          y[o] = r((y[o] as number) * (x[xb + j * in1 + i * in0] as number));
        }
    }
  });
}

/** The p = 2 vector kernel over n contiguous float32 from x[base]: the sum of squares. */
function sumSquaresLastDim(x: Float32Array, base: number, n: number, lane: Float64Array): number {
  const body = n - (n % 8);
  lane.fill(0, 0, 8);
  for (let d = 0; d < body; d += 8)
    for (let l = 0; l < 8; l++) {
      const v = x[base + d + l] as number;
      lane[l] = fma32(v, v, lane[l] as number);
    }
  let s = lane[0] as number;
  for (let l = 1; l < 8; l++) s = Math.fround(s + (lane[l] as number));
  // The tail's whole groups of 4 round x * x and then add; the last n % 4 are fused. So the
  // AVX2 build of PyTorch 1.13.1 computes (its compiler unrolled the loop by 4, contracting only
  // the remainder loop), found on every tail length 1..7 against the fixture.
  const fused = n - (n % 4);
  for (let d = body; d < fused; d++) {
    const v = x[base + d] as number;
    s = Math.fround(s + Math.fround(v * v));
  }
  for (let d = fused; d < n; d++) {
    const v = x[base + d] as number;
    s = fma32(v, v, s);
  }
  return s;
}

const LANE = new Float64Array(8);

/**
 * The p-norm (p = 1 or 2) of the trailing `src.shape.length - dst.shape.length` dims of a
 * float32 src into dst (float32), in PyTorch's CPU order (see the header).
 */
export function vectorNorm32(p: 1 | 2, src: View, dst: View): void {
  const x = src.buf as Float32Array;
  const y = dst.buf as Float32Array;
  fillView(dst, 0);
  for (const size of src.shape) if (size === 0) return;
  const it = layoutOf(src, dst);
  // The reduced dims lead the layout (TensorIterator moves them first).
  let nr = 0;
  while (nr < it.shape.length && it.out[nr] === 0) nr++;
  if (p === 2 && nr === 1 && it.in[0] === 1) {
    const n = it.shape[0] as number;
    forEachOuter(it, 1, src.offset, dst.offset, (xb, yb) => {
      y[yb] = Math.sqrt(sumSquaresLastDim(x, xb, n, LANE));
    });
    return;
  }
  const red: Layout = { shape: it.shape.slice(0, nr), in: it.in.slice(0, nr), out: [] };
  const rshape = red.shape.slice().reverse();
  const rstr = red.in.slice().reverse();
  // Offsets of the reduced elements in iteration order (dim 0 fastest), shared by every output.
  let count = 1;
  for (const s of rshape) count *= s;
  const offsets = new Float64Array(count);
  let k = 0;
  forEachIndex(rshape, (idx) => {
    let o = 0;
    for (let d = 0; d < rshape.length; d++) o += (idx[d] as number) * (rstr[d] as number);
    offsets[k++] = o;
  });
  forEachOuter(it, nr, src.offset, dst.offset, (xb, yb) => {
    let acc = 0;
    if (p === 1) {
      for (let i = 0; i < count; i++)
        acc = Math.fround(acc + Math.abs(x[xb + (offsets[i] as number)] as number));
      y[yb] = acc;
    } else {
      for (let i = 0; i < count; i++) {
        const v = x[xb + (offsets[i] as number)] as number;
        acc = fma32(v, v, acc);
      }
      y[yb] = Math.sqrt(acc);
    }
  });
}

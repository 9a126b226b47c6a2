// Floating-point sum in PyTorch's CPU order, so float32 results carry PyTorch's last digits.
//
// Follows PyTorch 1.13's aten/src/ATen/native/cpu/SumKernel.cpp (cascade_sum) as its AVX2
// build runs it, single-threaded, driven by TensorIterator (aten/src/ATen/TensorIterator.cpp):
//   1. The iteration space is the input's shape. Its dims are sorted as reorder_dimensions()
//      sorts them: reduced dims (output stride 0) first, then by output stride, then by input
//      stride, ties left in place; then coalesce_dimensions() merges neighbours.
//   2. The output is zeroed; dims 0 and 1 form a 2-D loop, called once per index of the outer
//      dims (dim 2 fastest), and each call adds its partial sums into the output (+=).
//   3. In the 2-D loop the reduced dim is moved first, then one of four kernels runs:
//      vectorized inner (reduced dim contiguous, at least one vector long), vectorized outer
//      (the kept dim contiguous, at least one vector wide), scalar inner or scalar outer.
//   4. Every kernel sums with multi_row_sum: rows are added into a level-0 accumulator,
//      which after each 2^p rows (p = max(4, ceil(log2(rows)) / 4)) is added into level 1,
//      level 1 into level 2 after 2^2p rows, level 2 into level 3 after 2^3p; at the end
//      the tail rows and levels 1..3 are added to level 0. row_sum reads a row as (-1, 4)
//      (four interleaved partial sums, added in order at the end). A vector is 8 float32 or
//      4 float64 lanes (256 bits), kept as separate accumulators until the final lane sum.
// The accumulator is the dtype itself (acc_type<T, is_cuda=true>): float32 adds are rounded to
// float32 (Math.fround of the exact double sum is the correctly rounded float32 sum).
// Not followed: PyTorch's parallel split of inputs of 32768 elements or more over threads,
// whose result depends on the thread count; this is its one-thread order.
import type { View } from "../backend.ts";
import { forEachIndex } from "./indexing.ts";
import { blockSums32 } from "./wasm-sum.ts";

type FloatBuf = Float32Array | Float64Array;

/** PyTorch's utils::CeilLog2: 1 for x <= 2, else floor(log2(x - 1)) + 1. */
function ceilLog2(x: number): number {
  if (x <= 2) return 1;
  return 32 - Math.clz32(x - 1);
}

/** Blocks of contiguous 32-float rows from which the Wasm kernel pays for its copy. */
const WASM_MIN_BLOCKS = 8;
/** Rows (of 32 float32) copied into the kernel's memory per call: 4 MiB. */
const WASM_CHUNK_ROWS = 32768;

/** Whether cols are 0, 1, .., rowStride - 1 with 32 of them: rows that are one contiguous run. */
function contiguousRows(cols: readonly number[], rowStride: number): boolean {
  if (cols.length !== 32 || rowStride !== 32) return false;
  for (let c = 0; c < 32; c++) if (cols[c] !== c) return false;
  return true;
}

/**
 * multi_row_sum for independent columns: out[c] = cascaded sum over i < size of
 * x[base + i * rowStride + cols[c]], float32-rounded. Walks blocks of 2^p rows column by column
 * (each block's level-0 sum starts from zero, so it is a local running sum); where the rows are
 * one contiguous float32 run, the Wasm kernel makes the block sums (wasm-sum.ts).
 */
function multiRowSum32(
  x: FloatBuf,
  base: number,
  rowStride: number,
  cols: readonly number[],
  size: number,
  out: Float64Array,
  acc: Float64Array,
): void {
  const power = Math.max(4, Math.floor(ceilLog2(size) / 4));
  const step = 1 << power;
  const mask1 = (step - 1) << power;
  const mask2 = (step - 1) << (2 * power);
  const nc = cols.length;
  acc.fill(0, 0, 3 * nc);
  const blocks = Math.floor(size / step);
  const fast =
    blocks >= WASM_MIN_BLOCKS && x instanceof Float32Array && contiguousRows(cols, rowStride);
  // The Wasm kernel's block sums, a chunk of blocks at a time (its memory stays small).
  const chunk = Math.max(1, Math.floor(WASM_CHUNK_ROWS / step));
  let sums: Float32Array | null = null;
  let i = 0;
  for (let b = 0; i + step <= size; b++) {
    if (fast && b % chunk === 0) {
      const n = Math.min(chunk, blocks - b);
      sums = blockSums32(x as Float32Array, base + i * rowStride, n, step);
    }
    if (sums !== null) {
      for (let c = 0, o = (b % chunk) * 32; c < 32; c++, o++)
        acc[c] = Math.fround((acc[c] as number) + (sums[o] as number));
    } else {
      const rowBase = base + i * rowStride;
      for (let c = 0; c < nc; c++) {
        let s = 0;
        for (let j = 0, p = rowBase + (cols[c] as number); j < step; j++, p += rowStride)
          s = Math.fround(s + (x[p] as number));
        acc[c] = Math.fround((acc[c] as number) + s);
      }
    }
    i += step;
    if ((i & mask1) !== 0) continue;
    for (let c = 0; c < nc; c++) {
      acc[nc + c] = Math.fround((acc[nc + c] as number) + (acc[c] as number));
      acc[c] = 0;
    }
    if ((i & mask2) !== 0) continue;
    for (let c = 0; c < nc; c++) {
      acc[2 * nc + c] = Math.fround((acc[2 * nc + c] as number) + (acc[nc + c] as number));
      acc[nc + c] = 0;
    }
  }
  const rowBase = base + i * rowStride;
  for (let c = 0; c < nc; c++) {
    let s = 0;
    for (let j = i, p = rowBase + (cols[c] as number); j < size; j++, p += rowStride)
      s = Math.fround(s + (x[p] as number));
    s = Math.fround(s + (acc[c] as number));
    s = Math.fround(s + (acc[nc + c] as number));
    out[c] = Math.fround(s + (acc[2 * nc + c] as number));
  }
}

/**
 * multiRowSum32 in float64 (no rounding step). Two copies rather than one taking the rounding as
 * a parameter: a call per element in the inner loop, shared by both dtypes, would not inline.
 */
function multiRowSum64(
  x: FloatBuf,
  base: number,
  rowStride: number,
  cols: readonly number[],
  size: number,
  out: Float64Array,
  acc: Float64Array,
): void {
  const power = Math.max(4, Math.floor(ceilLog2(size) / 4));
  const step = 1 << power;
  const mask1 = (step - 1) << power;
  const mask2 = (step - 1) << (2 * power);
  const nc = cols.length;
  acc.fill(0, 0, 3 * nc);
  let i = 0;
  for (; i + step <= size; ) {
    const rowBase = base + i * rowStride;
    for (let c = 0; c < nc; c++) {
      let s = 0;
      for (let j = 0, p = rowBase + (cols[c] as number); j < step; j++, p += rowStride)
        s += x[p] as number;
      acc[c] = (acc[c] as number) + s;
    }
    i += step;
    if ((i & mask1) !== 0) continue;
    for (let c = 0; c < nc; c++) {
      acc[nc + c] = (acc[nc + c] as number) + (acc[c] as number);
      acc[c] = 0;
    }
    if ((i & mask2) !== 0) continue;
    for (let c = 0; c < nc; c++) {
      acc[2 * nc + c] = (acc[2 * nc + c] as number) + (acc[nc + c] as number);
      acc[nc + c] = 0;
    }
  }
  const rowBase = base + i * rowStride;
  for (let c = 0; c < nc; c++) {
    let s = 0;
    for (let j = i, p = rowBase + (cols[c] as number); j < size; j++, p += rowStride)
      s += x[p] as number;
    out[c] = s + (acc[c] as number) + (acc[nc + c] as number) + (acc[2 * nc + c] as number);
  }
}

const ident = (v: number): number => v;

/** One dtype's kernels: lane count, rounding and scratch. */
class Summer {
  readonly lanes: number;
  readonly round: (v: number) => number;
  readonly multi: typeof multiRowSum32;
  /** Column offsets of (4 rows of vectors) and of 4 scalars, by stride; rebuilt on change. */
  private cols: number[] = [];
  private colsKey = "";
  readonly sums = new Float64Array(32);
  readonly acc = new Float64Array(96);
  readonly lane = new Float64Array(8);

  constructor(single: boolean) {
    this.lanes = single ? 8 : 4;
    this.round = single ? Math.fround : ident;
    this.multi = single ? multiRowSum32 : multiRowSum64;
  }

  /** Offsets of `groups` groups of `width` adjacent elements, groups `groupStride` apart. */
  columns(groups: number, width: number, groupStride: number): number[] {
    const key = `${groups},${width},${groupStride}`;
    if (key !== this.colsKey) {
      this.cols = [];
      for (let k = 0; k < groups; k++)
        for (let l = 0; l < width; l++) this.cols.push(k * groupStride + l);
      this.colsKey = key;
    }
    return this.cols;
  }

  /**
   * row_sum of `width` interleaved lanes (1 = scalar): size rows, `stride` apart, of `width`
   * adjacent elements; the lane sums land in this.lane[0 .. width).
   */
  rowSum(x: FloatBuf, base: number, stride: number, size: number, width: number): void {
    const r = this.round;
    const ilp = Math.floor(size / 4);
    const { sums, lane } = this;
    this.multi(x, base, 4 * stride, this.columns(4, width, stride), ilp, sums, this.acc);
    for (let l = 0; l < width; l++) {
      let s = sums[l] as number;
      for (let i = ilp * 4, p = base + i * stride + l; i < size; i++, p += stride)
        s = r(s + (x[p] as number));
      for (let k = 1; k < 4; k++) s = r(s + (sums[k * width + l] as number));
      lane[l] = s;
    }
  }
}

const SUMMERS = { float32: new Summer(true), float64: new Summer(false) };

/** out[o] += v in the output's dtype. */
function addInto(y: FloatBuf, o: number, v: number, r: (v: number) => number): void {
  y[o] = r((y[o] as number) + v);
}

/** cascade_sum's 2-D loop body: dims 0 and 1 of the iteration, strides in elements. */
function loop2d(
  s: Summer,
  x: FloatBuf,
  y: FloatBuf,
  xb: number,
  yb: number,
  inS: [number, number],
  outS: [number, number],
  size0: number,
  size1: number,
): void {
  const r = s.round;
  let [in0, in1] = inS;
  let [out0, out1] = outS;
  if (out0 !== 0 && out1 === 0) {
    [in0, in1] = [in1, in0];
    [out0, out1] = [out1, out0];
    [size0, size1] = [size1, size0];
  }
  if (out0 !== 0 && out1 !== 0) {
    // Not a reduction here: elementwise out += in.
    for (let j = 0; j < size1; j++)
      for (let i = 0; i < size0; i++)
        addInto(y, yb + j * out1 + i * out0, x[xb + j * in1 + i * in0] as number, r);
    return;
  }
  const L = s.lanes;
  if (in0 === 1 && size0 >= L) {
    // vectorized_inner_sum: vectors along the reduced dim, then the scalar tail, then lanes.
    const vecs = Math.floor(size0 / L);
    for (let j = 0; j < size1; j++) {
      const row = xb + j * in1;
      s.rowSum(x, row, L, vecs, L);
      let acc = 0;
      for (let k = vecs * L; k < size0; k++) acc = r(acc + (x[row + k] as number));
      for (let l = 0; l < L; l++) acc = r(acc + (s.lane[l] as number));
      addInto(y, yb + j * out1, acc, r);
    }
  } else if (in1 === 1 && size1 >= L) {
    // vectorized_outer_sum: 4 vectors of adjacent outputs at once, then one vector, then scalars.
    let j = 0;
    for (; j + 4 * L <= size1; j += 4 * L) {
      s.multi(x, xb + j, in0, s.columns(1, 4 * L, 0), size0, s.sums, s.acc);
      for (let c = 0; c < 4 * L; c++) addInto(y, yb + (j + c) * out1, s.sums[c] as number, r);
    }
    for (; j + L <= size1; j += L) {
      s.rowSum(x, xb + j, in0, size0, L);
      for (let l = 0; l < L; l++) addInto(y, yb + (j + l) * out1, s.lane[l] as number, r);
    }
    for (; j < size1; j++) {
      s.rowSum(x, xb + j, in0, size0, 1);
      addInto(y, yb + j * out1, s.lane[0] as number, r);
    }
  } else if (in0 < in1) {
    for (let j = 0; j < size1; j++) {
      s.rowSum(x, xb + j * in1, in0, size0, 1);
      addInto(y, yb + j * out1, s.lane[0] as number, r);
    }
  } else {
    let j = 0;
    for (; j + 3 < size1; j += 4) {
      s.multi(x, xb + j * in1, in0, s.columns(4, 1, in1), size0, s.sums, s.acc);
      for (let k = 0; k < 4; k++) addInto(y, yb + (j + k) * out1, s.sums[k] as number, r);
    }
    for (; j < size1; j++) {
      s.rowSum(x, xb + j * in1, in0, size0, 1);
      addInto(y, yb + j * out1, s.lane[0] as number, r);
    }
  }
}

/** The iteration space as TensorIterator builds it: sorted and coalesced dims, fastest first. */
export function iterationLayout(
  shape: readonly number[],
  inStrides: readonly number[],
  outStrides: readonly number[],
): { shape: number[]; in: number[]; out: number[] } {
  const n = shape.length;
  const perm: number[] = [];
  for (let d = n - 1; d >= 0; d--) perm.push(d);
  const operands = [outStrides, inStrides];
  const shouldSwap = (d0: number, d1: number): number => {
    for (let k = 0; k < 2; k++) {
      const st = operands[k] as readonly number[];
      const s0 = st[d0] as number;
      const s1 = st[d1] as number;
      if (k === 0 && (s0 === 0) !== (s1 === 0)) return s1 === 0 ? 1 : -1;
      if (s0 === 0 || s1 === 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      if ((shape[d0] as number) > (shape[d1] as number)) return 1;
    }
    return 0;
  };
  for (let i = 1; i < n; i++) {
    let d1 = i;
    for (let d0 = i - 1; d0 >= 0; d0--) {
      const c = shouldSwap(perm[d0] as number, perm[d1] as number);
      if (c > 0) {
        [perm[d0], perm[d1]] = [perm[d1] as number, perm[d0] as number];
        d1 = d0;
      } else if (c < 0) break;
    }
  }
  const sh = perm.map((d) => shape[d] as number);
  const si = perm.map((d) => inStrides[d] as number);
  const so = perm.map((d) => outStrides[d] as number);
  if (n <= 1) return { shape: sh, in: si, out: so };
  let prev = 0;
  for (let d = 1; d < n; d++) {
    const a = sh[prev] as number;
    const b = sh[d] as number;
    const fits =
      a === 1 ||
      b === 1 ||
      (a * (si[prev] as number) === si[d] && a * (so[prev] as number) === so[d]);
    if (fits) {
      if (a === 1) {
        si[prev] = si[d] as number;
        so[prev] = so[d] as number;
      }
      sh[prev] = a * b;
    } else {
      prev++;
      if (prev !== d) {
        si[prev] = si[d] as number;
        so[prev] = so[d] as number;
        sh[prev] = b;
      }
    }
  }
  return { shape: sh.slice(0, prev + 1), in: si.slice(0, prev + 1), out: so.slice(0, prev + 1) };
}

/**
 * Sums the trailing `src.shape.length - dst.shape.length` dims of a float32 or float64 src into
 * dst (same dtype), in PyTorch's CPU order (see the header).
 */
export function cascadeSum(src: View, dst: View): void {
  const x = src.buf as FloatBuf;
  const y = dst.buf as FloatBuf;
  const s = SUMMERS[src.dtype as "float32" | "float64"];
  const nd = dst.shape.length;
  let outN = 1;
  for (let d = 0; d < nd; d++) outN *= dst.shape[d] as number;
  if (outN === 0) return;
  // Zero the output (PyTorch fills it, then every 2-D loop adds into it).
  const outStrides: number[] = [];
  for (let d = 0; d < src.shape.length; d++)
    outStrides.push(d < nd ? (dst.strides[d] as number) : 0);
  forEachIndex(dst.shape, (idx) => {
    let o = dst.offset;
    for (let d = 0; d < nd; d++) o += (idx[d] as number) * (dst.strides[d] as number);
    y[o] = 0;
  });
  for (const size of src.shape) if (size === 0) return;
  const it = iterationLayout(src.shape, src.strides, outStrides);
  if (it.shape.length === 0) {
    it.shape.push(1);
    it.in.push(0);
    it.out.push(0);
  }
  const size0 = it.shape[0] as number;
  const size1 = it.shape.length > 1 ? (it.shape[1] as number) : 1;
  const inS: [number, number] = [
    it.in[0] as number,
    it.shape.length > 1 ? (it.in[1] as number) : 0,
  ];
  const outS: [number, number] = [
    it.out[0] as number,
    it.shape.length > 1 ? (it.out[1] as number) : 0,
  ];
  // The outer dims go in TensorIterator's DimCounter order, dim 2 fastest: row-major over them
  // reversed.
  const outer = it.shape.slice(2).reverse();
  const inOuter = it.in.slice(2).reverse();
  const outOuter = it.out.slice(2).reverse();
  forEachIndex(outer, (idx) => {
    let xb = src.offset;
    let yb = dst.offset;
    for (let d = 0; d < outer.length; d++) {
      xb += (idx[d] as number) * (inOuter[d] as number);
      yb += (idx[d] as number) * (outOuter[d] as number);
    }
    loop2d(s, x, y, xb, yb, inS, outS, size0, size1);
  });
}

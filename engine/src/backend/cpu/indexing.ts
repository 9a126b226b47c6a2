// CPU index kernels: gather/scatter along a dim, sort and topk along the last dim.
// Index bounds are checked here and raise PyTorch's messages.
import type { TypedArray } from "../../core/dtype.ts";
import { runtimeError } from "../../core/errors.ts";
import type { View } from "../backend.ts";
import { nthElement, partialSort, stdSort } from "./std-sort.ts";

const buf = (v: View): TypedArray => v.buf as TypedArray;

/** Visits every multi-index of `shape` in row-major order (idx is reused between calls). */
export function forEachIndex(shape: readonly number[], visit: (idx: number[]) => void): void {
  const nd = shape.length;
  if (shape.some((s) => s === 0)) return;
  const idx = new Array<number>(nd).fill(0);
  for (;;) {
    visit(idx);
    let d = nd - 1;
    for (; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      if ((idx[d] as number) < (shape[d] as number)) break;
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

const offsetOf = (v: View, idx: readonly number[], dim: number, at: number): number => {
  let o = v.offset;
  for (let d = 0; d < idx.length; d++)
    o += (d === dim ? at : (idx[d] as number)) * (v.strides[d] as number);
  return o;
};

function checkedIndex(raw: number, size: number, dim: number): number {
  const i = raw < 0 ? raw + size : raw;
  if (i < 0 || i >= size)
    throw runtimeError(`index ${raw} is out of bounds for dimension ${dim} with size ${size}`);
  return i;
}

export function cpuGather(src: View, dim: number, index: View, dst: View): void {
  const x = buf(src);
  const ix = buf(index);
  const y = buf(dst);
  const size = src.shape[dim] as number;
  forEachIndex(index.shape, (idx) => {
    const at = checkedIndex(ix[offsetOf(index, idx, -1, 0)] as number, size, dim);
    y[offsetOf(dst, idx, -1, 0)] = x[offsetOf(src, idx, dim, at)] as number;
  });
}

export function cpuScatter(
  dst: View,
  dim: number,
  index: View,
  src: View,
  reduce: "none" | "add",
): void {
  const y = buf(dst);
  const ix = buf(index);
  const x = buf(src);
  const size = dst.shape[dim] as number;
  forEachIndex(index.shape, (idx) => {
    const at = checkedIndex(ix[offsetOf(index, idx, -1, 0)] as number, size, dim);
    const o = offsetOf(dst, idx, dim, at);
    const v = x[offsetOf(src, idx, -1, 0)] as number;
    y[o] = reduce === "add" ? (y[o] as number) + v : v;
  });
}

/** PyTorch's CPU comparators: NaN counts as the largest value. */
function keyLess(keys: Float64Array, descending: boolean): (a: number, b: number) => boolean {
  if (descending) {
    return (a, b) => {
      const x = keys[a] as number;
      const y = keys[b] as number;
      return (x !== x && y === y) || x > y;
    };
  }
  return (a, b) => {
    const x = keys[a] as number;
    const y = keys[b] as number;
    return (x === x && y !== y) || x < y;
  };
}

/** Calls visit(srcBase, srcStride, n) per last-dim row with the output rows' bases. */
function forEachRowOf(
  src: View,
  outs: readonly View[],
  visit: (base: number, outBases: number[]) => void,
): void {
  const nd = src.shape.length - 1;
  forEachIndex(src.shape.slice(0, nd), (idx) => {
    const full = [...idx, 0];
    visit(
      offsetOf(src, full, -1, 0),
      outs.map((o) => offsetOf(o, full, -1, 0)),
    );
  });
}

/**
 * Sorts each last-dim row. Stable sorts order equal keys by position; unstable ones replay
 * libstdc++'s std::sort, as PyTorch's CPU kernel (stable=False) does.
 */
export function cpuSort(
  src: View,
  descending: boolean,
  values: View,
  indices: View,
  stable = true,
): void {
  const nd = src.shape.length - 1;
  const n = src.shape[nd] as number;
  const x = buf(src);
  const vo = buf(values);
  const io = buf(indices);
  const keys = new Float64Array(n);
  const less = keyLess(keys, descending);
  const byPosition = (a: number, b: number): number => (less(a, b) ? -1 : less(b, a) ? 1 : a - b);
  const s = src.strides[nd] as number;
  const vs = values.strides[nd] as number;
  const is = indices.strides[nd] as number;
  forEachRowOf(src, [values, indices], (base, [vb, ib]) => {
    const order = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      keys[i] = x[base + i * s] as number;
      order[i] = i;
    }
    if (stable) order.sort(byPosition);
    else stdSort(order, 0, n, less);
    for (let i = 0; i < n; i++) {
      vo[(vb as number) + i * vs] = keys[order[i] as number] as number;
      io[(ib as number) + i * is] = order[i] as number;
    }
  });
}

/** PyTorch 1.13's CPU topk: partial_sort when k is small, else nth_element then sort. */
export function cpuTopk(
  src: View,
  k: number,
  largest: boolean,
  sorted: boolean,
  values: View,
  indices: View,
): void {
  const nd = src.shape.length - 1;
  const n = src.shape[nd] as number;
  const x = buf(src);
  const vo = buf(values);
  const io = buf(indices);
  const keys = new Float64Array(n);
  const less = keyLess(keys, largest);
  const s = src.strides[nd] as number;
  const vs = values.strides[nd] as number;
  const is = indices.strides[nd] as number;
  forEachRowOf(src, [values, indices], (base, [vb, ib]) => {
    const q = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      keys[i] = x[base + i * s] as number;
      q[i] = i;
    }
    if (k === 0) return;
    if (k * 64 <= n) partialSort(q, 0, k, n, less);
    else {
      nthElement(q, 0, k - 1, n, less);
      if (sorted) stdSort(q, 0, k - 1, less);
    }
    for (let i = 0; i < k; i++) {
      vo[(vb as number) + i * vs] = keys[q[i] as number] as number;
      io[(ib as number) + i * is] = q[i] as number;
    }
  });
}

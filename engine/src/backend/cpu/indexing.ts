// CPU index kernels: gather/scatter along a dim and a stable sort along the last dim.
// Index bounds are checked here and raise PyTorch's messages.
import type { TypedArray } from "../../core/dtype.ts";
import { runtimeError } from "../../core/errors.ts";
import type { View } from "../backend.ts";

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

export function cpuSort(src: View, descending: boolean, values: View, indices: View): void {
  const nd = src.shape.length - 1;
  const n = src.shape[nd] as number;
  const x = buf(src);
  const vo = buf(values);
  const io = buf(indices);
  const order = new Array<number>(n);
  const keys = new Float64Array(n);
  // NaN sorts as the largest value, as in PyTorch.
  const cmp = (a: number, b: number): number => {
    const ka = keys[a] as number;
    const kb = keys[b] as number;
    const na = ka !== ka;
    const nb = kb !== kb;
    if (na || nb) return na === nb ? a - b : (na ? 1 : -1) * (descending ? -1 : 1);
    if (ka === kb) return a - b;
    return (ka < kb ? -1 : 1) * (descending ? -1 : 1);
  };
  forEachIndex(src.shape.slice(0, nd), (idx) => {
    const full = [...idx, 0];
    const base = offsetOf(src, full, -1, 0);
    const s = src.strides[nd] as number;
    for (let i = 0; i < n; i++) {
      keys[i] = x[base + i * s] as number;
      order[i] = i;
    }
    order.sort(cmp);
    const vb = offsetOf(values, full, -1, 0);
    const ib = offsetOf(indices, full, -1, 0);
    const vs = values.strides[nd] as number;
    const is = indices.strides[nd] as number;
    for (let i = 0; i < n; i++) {
      vo[vb + i * vs] = keys[order[i] as number] as number;
      io[ib + i * is] = order[i] as number;
    }
  });
}

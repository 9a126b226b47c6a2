// Gathers and scatters by storage offset: the one mechanism behind advanced indexing,
// index_put_, masked_select and take. The ops layer computes, for each result element, where it
// lives in the source storage; the backend's generic gather/scatter kernels move the data over
// a flat view of the storage, so no new kernel is needed. Must not read or write tensor data.

import type { View } from "../backend/backend.ts";
import { backendFor } from "../backend/registry.ts";
import { numelOf } from "../core/shape.ts";
import { Tensor } from "../tensor.ts";

/** Where each result element lives, given the geometry of the tensor it is read from. */
export type Locator = (
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
) => Float64Array;

/**
 * The indexed dims of a tensor and, per result position of the broadcast index shape, the
 * (already wrapped and bounds-checked) coordinate along each of them. The remaining dims keep
 * their order and go after `at` dims of the result (`at` is 0 when indexed dims move to the front).
 */
export interface AdvancedIndex {
  dims: readonly number[];
  coords: readonly Float64Array[];
  indexShape: readonly number[];
  at: number;
}

/** Result shape of applying `adv` to a tensor of `shape`. */
export function advancedShape(shape: readonly number[], adv: AdvancedIndex): number[] {
  const rest = shape.filter((_, d) => !adv.dims.includes(d));
  return [...rest.slice(0, adv.at), ...adv.indexShape, ...rest.slice(adv.at)];
}

/** Storage offsets of every element of `x[adv]`, in the result's row-major order. */
export function advancedLocator(adv: AdvancedIndex): Locator {
  return (shape, strides, offset) => {
    const restDims = shape.map((_, d) => d).filter((d) => !adv.dims.includes(d));
    const restShape = restDims.map((d) => shape[d] as number);
    const restStrides = restDims.map((d) => strides[d] as number);
    const nIdx = numelOf(adv.indexShape);
    const advOff = new Float64Array(nIdx);
    adv.dims.forEach((d, k) => {
      const c = adv.coords[k] as Float64Array;
      const s = strides[d] as number;
      for (let i = 0; i < nIdx; i++) advOff[i] = (advOff[i] as number) + (c[i] as number) * s;
    });
    // Result order: rest[:at], index dims, rest[at:]. Enumerate outer rest, index, inner rest.
    const outer = restShape.slice(0, adv.at);
    const inner = restShape.slice(adv.at);
    const outerOff = rowMajorOffsets(outer, restStrides.slice(0, adv.at));
    const innerOff = rowMajorOffsets(inner, restStrides.slice(adv.at));
    const out = new Float64Array(outerOff.length * nIdx * innerOff.length);
    let k = 0;
    for (const o of outerOff)
      for (const a of advOff) for (const n of innerOff) out[k++] = offset + o + a + n;
    return out;
  };
}

/** Offsets of every element of a strided box, row-major, relative to its first element. */
export function rowMajorOffsets(
  shape: readonly number[],
  strides: readonly number[],
): Float64Array {
  const out = new Float64Array(numelOf(shape));
  let k = 0;
  const walk = (d: number, base: number): void => {
    if (d === shape.length) {
      out[k++] = base;
      return;
    }
    for (let i = 0; i < (shape[d] as number); i++) walk(d + 1, base + i * (strides[d] as number));
  };
  walk(0, 0);
  return out;
}

/** The whole storage of t as a rank-`ndim` view whose dim 0 walks it and the others broadcast. */
function flatStorageView(t: Tensor, ndim: number): View {
  const n = Math.max(ndim, 1);
  return {
    buf: t.storage.buffer,
    dtype: t.dtype,
    shape: [t.storage.numel, ...new Array<number>(n - 1).fill(1)],
    strides: new Array<number>(n).fill(0).map((_, i) => (i === 0 ? 1 : 0)),
    offset: 0,
  };
}

/** An int64 tensor of offsets with the result's shape (a temporary, not counted). */
function offsetsTensor(offsets: Float64Array, shape: readonly number[], t: Tensor): Tensor {
  const s = shape.length === 0 ? [1] : shape;
  const idx = Tensor.empty(s, "int64", t.deviceType, false);
  idx.storage.backend.upload(idx.storage.buffer, offsets);
  return idx;
}

/** A new tensor of `shape` read from src at the located offsets. */
export function gatherAt(src: Tensor, shape: readonly number[], locate: Locator): Tensor {
  const out = Tensor.empty(shape, src.dtype, src.deviceType);
  if (out.numel() === 0) return out;
  const offs = locate(src.shape, src.strides, src.offset);
  const idx = offsetsTensor(offs, shape, src);
  const dst = shape.length === 0 ? { ...out.v(), shape: [1], strides: [1] } : out.v();
  backendFor(src.deviceType).gather(flatStorageView(src, idx.ndim), 0, idx.v(), dst);
  return out;
}

/**
 * Writes `value` (a view already broadcast to `shape`) into dst at the located offsets;
 * "add" accumulates, so repeated offsets sum (index_put_ with accumulate=True).
 */
export function scatterAt(
  dst: Tensor,
  shape: readonly number[],
  locate: Locator,
  value: View,
  reduce: "none" | "add",
): void {
  if (numelOf(shape) === 0) return;
  const offs = locate(dst.shape, dst.strides, dst.offset);
  const idx = offsetsTensor(offs, shape, dst);
  const src = shape.length === 0 ? { ...value, shape: [1], strides: [0] } : value;
  backendFor(dst.deviceType).scatter(flatStorageView(dst, idx.ndim), 0, idx.v(), src, reduce);
}

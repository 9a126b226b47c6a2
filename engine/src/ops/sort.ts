// Ordering ops: sort, argsort, topk and unique. sort runs the backend's stable last-dim sort
// on views with `dim` swapped to the end (no transposed copy); topk is a sorted prefix.
// Gradients of sort/topk route g back to where each value came from:
// d x = zeros_like(x).scatter_(dim, indices, g).

import { noGrad } from "../autograd/grad-mode.ts";
import { recordOp } from "../autograd/record.ts";
import type { View } from "../backend/backend.ts";
import { backendFor } from "../backend/registry.ts";
import { runtimeError } from "../core/errors.ts";
import { wrapDim } from "../core/shape.ts";
import { Tensor } from "../tensor.ts";
import { zerosOf } from "./index-get.ts";
import type { Values } from "./reduce.ts";

declare module "../tensor.ts" {
  interface Tensor {
    /** sort(dim=-1, descending=False, stable=None); unstable sorts order ties as PyTorch's CPU. */
    sort(dim?: number, descending?: boolean, stable?: boolean | null): Values;
    argsort(dim?: number, descending?: boolean, stable?: boolean): Tensor;
    topk(k: number, dim?: number, largest?: boolean, sorted?: boolean): Values;
    unique(opts?: UniqueOptions): Tensor | Tensor[];
  }
}

export interface UniqueOptions {
  sorted?: boolean;
  returnInverse?: boolean;
  returnCounts?: boolean;
}

function swapLast(v: View, d: number): View {
  const last = v.shape.length - 1;
  const shape = [...v.shape];
  const strides = [...v.strides];
  [shape[d], shape[last]] = [shape[last] as number, shape[d] as number];
  [strides[d], strides[last]] = [strides[last] as number, strides[d] as number];
  return { ...v, shape, strides };
}

/** Sorted values and int64 source indices along d, without autograd. */
function sortRaw(x: Tensor, d: number, descending: boolean, stable: boolean): Values {
  const values = Tensor.empty(x.shape, x.dtype, x.deviceType);
  const indices = Tensor.empty(x.shape, "int64", x.deviceType);
  if (x.ndim === 0) {
    backendFor(x.deviceType).copy(x.v(), values.v());
    backendFor(x.deviceType).fill(indices.v(), 0);
  } else if (x.numel() > 0) {
    backendFor(x.deviceType).sort(
      swapLast(x.v(), d),
      descending,
      swapLast(values.v(), d),
      swapLast(indices.v(), d),
      stable,
    );
  }
  return { values, indices };
}

/** The k extreme values along d: the backend's topk kernel, else a stable-sort prefix. */
function topkRaw(x: Tensor, k: number, d: number, largest: boolean, sorted: boolean): Values {
  const backend = backendFor(x.deviceType);
  if (x.ndim === 0 || backend.topk === undefined) {
    const all = sortRaw(x, d, largest, true);
    if (x.ndim === 0) return all;
    return noGrad(() => ({
      values: all.values.narrow(d, 0, k).clone(),
      indices: all.indices.narrow(d, 0, k).clone(),
    }));
  }
  const shape = [...x.shape];
  shape[d] = k;
  const values = Tensor.empty(shape, x.dtype, x.deviceType);
  const indices = Tensor.empty(shape, "int64", x.deviceType);
  if (values.numel() > 0) {
    backend.topk(
      swapLast(x.v(), d),
      k,
      largest,
      sorted,
      swapLast(values.v(), d),
      swapLast(indices.v(), d),
    );
  }
  return { values, indices };
}

/** Records a node whose gradient scatters g back to x at `indices` along d. */
function recordSelecting(name: string, x: Tensor, r: Values, d: number): void {
  const inShape = x.shape;
  recordOp(name, [x], [r.values], () => ([g]) => {
    const gg = g as Tensor;
    if (inShape.length === 0) return [gg];
    const z = zerosOf(inShape, gg);
    backendFor(z.deviceType).scatter(z.v(), d, r.indices.v(), gg.v(), "none");
    return [z];
  });
}

const P = Tensor.prototype;

P.sort = function (this: Tensor, dim = -1, descending = false, stable: boolean | null = null) {
  const d = wrapDim(dim, this.ndim);
  const r = sortRaw(this, d, descending, stable === true);
  // sort(stable=...) is a separate overload in PyTorch, hence a separate node name.
  recordSelecting(stable === null ? "SortBackward0" : "SortBackward1", this, r, d);
  return r;
};

P.argsort = function (this: Tensor, dim = -1, descending = false, stable = false) {
  return sortRaw(this, wrapDim(dim, this.ndim), descending, stable).indices;
};

P.topk = function (this: Tensor, k: number, dim = -1, largest = true, sorted = true) {
  const d = wrapDim(dim, this.ndim);
  const size = this.ndim === 0 ? 1 : (this.shape[d] as number);
  if (k < 0 || k > size) throw runtimeError("selected index k out of range");
  const r = topkRaw(this, k, d, largest, sorted);
  recordSelecting("TopkBackward0", this, r, d);
  return r;
};

P.unique = function (this: Tensor, opts: UniqueOptions = {}) {
  const flat = this.contiguous().dataSync();
  const values = [...new Set(flat)].sort((a, b) => a - b);
  const pos = new Map(values.map((v, i) => [v, i]));
  const out = Tensor.fromArray(values, [values.length], this.dtype, this.deviceType);
  if (!opts.returnInverse && !opts.returnCounts) return out;
  const result = [out];
  if (opts.returnInverse) {
    const inv = Array.from(flat, (v) => pos.get(v) as number);
    result.push(Tensor.fromArray(inv, this.shape, "int64", this.deviceType));
  }
  if (opts.returnCounts) {
    const counts = new Array<number>(values.length).fill(0);
    for (const v of flat)
      counts[pos.get(v) as number] = (counts[pos.get(v) as number] as number) + 1;
    result.push(Tensor.fromArray(counts, [counts.length], "int64", this.deviceType));
  }
  return result;
};

export function sort(
  input: Tensor,
  dim = -1,
  descending = false,
  stable: boolean | null = null,
): Values {
  return input.sort(dim, descending, stable);
}
export function argsort(input: Tensor, dim = -1, descending = false, stable = false): Tensor {
  return input.argsort(dim, descending, stable);
}
export function topk(input: Tensor, k: number, dim = -1, largest = true, sorted = true): Values {
  return input.topk(k, dim, largest, sorted);
}
export function unique(input: Tensor, opts?: UniqueOptions): Tensor | Tensor[] {
  return input.unique(opts);
}

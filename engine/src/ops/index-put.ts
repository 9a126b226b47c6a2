// Writing by index: `x[...] = v` (Tensor.indexPut_), index_put_, index_fill_, index_add_ and
// masked_scatter_.
// Every write goes through the original storage (identity kept, version bumped once) and
// follows the in-place protocol of helpers.ts. Basic subscripts copy into a view; index
// tensors scatter at storage offsets (index-locate.ts), summing repeats when accumulating.

import { isGradEnabled, noGrad } from "../autograd/grad-mode.ts";
import { recordOp } from "../autograd/record.ts";
import type { View } from "../backend/backend.ts";
import { backendFor } from "../backend/registry.ts";
import { isFloating } from "../core/dtype.ts";
import { indexError, runtimeError } from "../core/errors.ts";
import { expandStrides, fmtShape, wrapDim } from "../core/shape.ts";
import { Tensor } from "../tensor.ts";
import {
  checkInPlaceAllowed,
  inPlace,
  isTensor,
  operandView,
  sumToShape,
  type TensorLike,
} from "./helpers.ts";
import {
  type AdvancedIndex,
  advancedLocator,
  advancedShape,
  gatherAt,
  scatterAt,
} from "./index-locate.ts";
import {
  advancedIndex,
  applySteps,
  type IndexSpec,
  nonzeroColumns,
  type ResolvedIndex,
  resolveIndex,
} from "./index-spec.ts";

declare module "../tensor.ts" {
  interface Tensor {
    /** Python's `x[specs...] = value`; returns x itself. */
    indexPut_(specs: readonly IndexSpec[], value: TensorLike, accumulate?: boolean): Tensor;
    index_put_(indices: readonly (Tensor | null)[], values: Tensor, accumulate?: boolean): Tensor;
    index_put(indices: readonly (Tensor | null)[], values: Tensor, accumulate?: boolean): Tensor;
    index_fill_(dim: number, index: Tensor, value: number | boolean): Tensor;
    index_fill(dim: number, index: Tensor, value: number | boolean): Tensor;
    index_add_(dim: number, index: Tensor, source: Tensor, alpha?: number): Tensor;
    index_add(dim: number, index: Tensor, source: Tensor, alpha?: number): Tensor;
    masked_scatter_(mask: Tensor, source: Tensor): Tensor;
    masked_scatter(mask: Tensor, source: Tensor): Tensor;
  }
}

/** setitem drops a value's leading size-1 dims before broadcasting (PyTorch's slicePrefix1sSize). */
function stripLeadingOnes(v: Tensor): Tensor {
  let k = 0;
  while (k < v.ndim && v.shape[k] === 1) k++;
  return k === 0 ? v : new Tensor(v.storage, v.shape.slice(k), v.strides.slice(k), v.offset);
}

function canBroadcastTo(from: readonly number[], to: readonly number[]): boolean {
  if (from.length > to.length) return false;
  const lead = to.length - from.length;
  return from.every((s, i) => s === 1 || s === to[i + lead]);
}

/** The value as a view of self's dtype broadcast to the written region, with PyTorch's errors. */
function valueView(
  self: Tensor,
  value: TensorLike,
  shape: readonly number[],
  advanced: boolean,
): View {
  if (!isTensor(value)) return operandView(value, self.dtype, shape, self.deviceType);
  const v = stripLeadingOnes(value);
  if (advanced && !canBroadcastTo(v.shape, shape)) {
    throw runtimeError(
      `shape mismatch: value tensor of shape ${fmtShape(v.shape)} cannot be broadcast to indexing result of shape ${fmtShape(shape)}`,
    );
  }
  return operandView(v, self.dtype, shape, self.deviceType);
}

/** Whether two windows of one storage share memory without being the very same window. */
function partialOverlap(a: Tensor, b: Tensor): boolean {
  if (a.storage !== b.storage || a.numel() === 0 || b.numel() === 0) return false;
  const span = (t: Tensor): [number, number] => {
    let lo = t.offset;
    let hi = t.offset;
    t.shape.forEach((n, d) => {
      const s = (n - 1) * (t.strides[d] as number);
      if (s < 0) lo += s;
      else hi += s;
    });
    return [lo, hi];
  };
  const [alo, ahi] = span(a);
  const [blo, bhi] = span(b);
  if (ahi < blo || bhi < alo) return false;
  const same =
    a.offset === b.offset &&
    a.shape.length === b.shape.length &&
    a.shape.every((n, d) => n === b.shape[d] && a.strides[d] === b.strides[d]);
  return !same;
}

/** Writes value into t at r (no autograd): a copy into the view, or a scatter at offsets. */
function writeIndexed(
  t: Tensor,
  r: ResolvedIndex,
  value: TensorLike,
  reduce: "none" | "add",
): void {
  const view = noGrad(() => applySteps(t, r.steps));
  // A scatter reads the value while writing: snapshot a value that aliases the target.
  if (r.adv !== null && isTensor(value) && value.storage === t.storage) {
    writeIndexed(
      t,
      r,
      noGrad(() => value.clone()),
      reduce,
    );
    return;
  }
  if (r.adv === null) {
    if (isTensor(value) && partialOverlap(value, view)) {
      throw runtimeError(
        "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation.",
      );
    }
    const vv = valueView(t, value, view.shape, false);
    if (reduce === "add") throw runtimeError("accumulate=True needs an index tensor");
    backendFor(t.deviceType).copy(vv, view.v());
    return;
  }
  const shape = advancedShape(view.shape, r.adv);
  scatterAt(view, shape, advancedLocator(r.adv), valueView(t, value, shape, true), reduce);
}

/** Reads t at r (the region a write touched): a view, or a gather copy. */
function readIndexed(t: Tensor, r: ResolvedIndex): Tensor {
  const view = applySteps(t, r.steps);
  if (r.adv === null) return view;
  return gatherAt(view, advancedShape(view.shape, r.adv), advancedLocator(r.adv));
}

/** The shared in-place write behind setitem, index_put_, index_fill_ and index_add_. */
function putIndexed(
  self: Tensor,
  r: ResolvedIndex,
  value: TensorLike,
  reduce: "none" | "add",
  name: string,
): Tensor {
  const vt = isTensor(value) ? value : null;
  if (r.steps.length > 0 && isGradEnabled() && (self.requiresGrad || vt?.requiresGrad))
    checkInPlaceAllowed(noGrad(() => applySteps(self, r.steps)));
  return inPlace(
    self,
    [value],
    false,
    () => writeIndexed(self, r, value, reduce),
    (alias) => {
      const out = noGrad(() => alias.clone());
      writeIndexed(out, r, value, reduce);
      // d self = g with the written region zeroed (kept as is when accumulating);
      // d value = g read at the region, summed back to the value's shape.
      recordOp(name, [alias, vt], [out], () => ([g]) => {
        const gg = g as Tensor;
        let gSelf = gg;
        if (reduce === "none") {
          gSelf = noGrad(() => gg.clone());
          writeIndexed(gSelf, r, 0, "none");
        }
        let gValue: Tensor | null = null;
        if (vt?.requiresGrad) {
          const stripped = stripLeadingOnes(vt).shape;
          gValue = sumToShape(readIndexed(gg, r), stripped).reshape(vt.shape);
          if (isFloating(vt.dtype) && gValue.dtype !== vt.dtype) gValue = gValue.to(vt.dtype);
        }
        return [gSelf, gValue];
      });
      return out;
    },
  );
}

const P = Tensor.prototype;

P.indexPut_ = function (
  this: Tensor,
  specs: readonly IndexSpec[],
  value: TensorLike,
  accumulate = false,
) {
  const r = resolveIndex(this.shape, specs);
  const name = r.steps.length > 0 ? "CopySlices" : r.adv ? "IndexPutBackward0" : "CopyBackwards";
  return putIndexed(this, r, value, accumulate ? "add" : "none", name);
};

P.index_put_ = function (
  this: Tensor,
  indices: readonly (Tensor | null)[],
  values: Tensor,
  accumulate = false,
) {
  const r = { steps: [], viewShape: this.shape, adv: advancedIndex(this.shape, indices) };
  return putIndexed(this, r, values, accumulate ? "add" : "none", "IndexPutBackward0");
};
P.index_put = function (
  this: Tensor,
  indices: readonly (Tensor | null)[],
  values: Tensor,
  accumulate = false,
) {
  return this.clone().index_put_(indices, values, accumulate);
};

/** `x.index_fill(dim, index, v)` is `x[:, ..., index] = v` with index on `dim`. */
function dimIndex(
  x: Tensor,
  dim: number,
  index: Tensor,
  op: string,
  selfMsg = false,
): ResolvedIndex {
  if (index.dtype !== "int64") throw runtimeError(`${op}(): Expected dtype int64 for index.`);
  if (index.ndim > 1) throw indexError(`${op}(): Index is supposed to be a vector`);
  const d = wrapDim(dim, x.ndim);
  const size = x.ndim === 0 ? 1 : (x.shape[d] as number);
  const raw = index.contiguous().dataSync();
  const coords = Float64Array.from(raw, (v) => {
    if (v < -size || v >= size) {
      // index_add_ words it as index_select does.
      throw indexError(
        selfMsg
          ? "index out of range in self"
          : `index ${v} is out of bounds for dimension ${d} with size ${size}`,
      );
    }
    return v < 0 ? v + size : v;
  });
  const shape = x.ndim === 0 ? [1] : x.shape;
  const adv: AdvancedIndex = { dims: [d], coords: [coords], indexShape: [coords.length], at: d };
  if (x.ndim === 0) return { steps: [{ kind: "unsqueeze", dim: 0 }], viewShape: shape, adv };
  return { steps: [], viewShape: shape, adv };
}

P.index_fill_ = function (this: Tensor, dim: number, index: Tensor, value: number | boolean) {
  return putIndexed(
    this,
    dimIndex(this, dim, index, "index_fill_"),
    value,
    "none",
    "IndexFillBackward0",
  );
};
P.index_fill = function (this: Tensor, dim: number, index: Tensor, value: number | boolean) {
  return this.clone().index_fill_(dim, index, value);
};

P.index_add_ = function (this: Tensor, dim: number, index: Tensor, source: Tensor, alpha = 1) {
  const r = dimIndex(this, dim, index, "index_add_", true);
  const v = alpha === 1 ? source : source.mul(alpha);
  return putIndexed(this, r, v, "add", "IndexAddBackward0");
};
P.index_add = function (this: Tensor, dim: number, index: Tensor, source: Tensor, alpha = 1) {
  return this.clone().index_add_(dim, index, source, alpha);
};

/** Copies source's leading elements, in order, to where the (broadcast) mask is true. */
P.masked_scatter_ = function (this: Tensor, mask: Tensor, source: Tensor) {
  if (mask.dtype !== "bool")
    throw runtimeError(
      `masked_scatter_ only supports boolean masks, but got mask with dtype ${mask.dtype}`,
    );
  const m = new Tensor(
    mask.storage,
    this.shape,
    expandStrides(mask.shape, mask.strides, this.shape),
    mask.offset,
  );
  const coords = nonzeroColumns(m);
  const count = this.ndim === 0 ? (m.item() ? 1 : 0) : (coords[0]?.length ?? 0);
  if (source.numel() < count)
    throw runtimeError("Number of elements of source < number of ones in mask");
  const adv = { dims: this.shape.map((_, d) => d), coords, indexShape: [count], at: 0 };
  const r = { steps: [], viewShape: this.shape, adv };
  // The value is a view of source's first `count` elements, so d source is g[mask] padded with zeros.
  const value = source.reshape([-1]).slice(0, 0, count);
  return putIndexed(this, r, value, "none", "MaskedScatterBackward0");
};
P.masked_scatter = function (this: Tensor, mask: Tensor, source: Tensor) {
  return this.clone().masked_scatter_(mask, source);
};

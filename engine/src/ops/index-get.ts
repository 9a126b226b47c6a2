// Reading by index: x[...] (Tensor.index), index_select, masked_select, take and nonzero.
// Basic subscripts return views; everything with an index tensor copies through the
// offset gather of index-locate.ts. The gradient of every copying read is the same rule:
// d x[idx] = zeros_like(x).index_put_(idx, g, accumulate=True).

import { recordOp } from "../autograd/record.ts";
import { backendFor } from "../backend/registry.ts";
import { indexError, runtimeError } from "../core/errors.ts";
import { broadcastShapes, expandStrides, wrapDim } from "../core/shape.ts";
import { Tensor } from "../tensor.ts";
import {
  type AdvancedIndex,
  advancedLocator,
  advancedShape,
  gatherAt,
  scatterAt,
} from "./index-locate.ts";
import { applySteps, type IndexSpec, nonzeroColumns, resolveIndex } from "./index-spec.ts";
import { makeView } from "./views.ts";

declare module "../tensor.ts" {
  interface Tensor {
    /** Python's `x[specs...]`; always pass the subscript tuple as an array (`x[[0, 2]]` is `index([[0, 2]])`). */
    index(specs: readonly IndexSpec[]): Tensor;
    index_select(dim: number, index: Tensor): Tensor;
    masked_select(mask: Tensor): Tensor;
    take(index: Tensor): Tensor;
    nonzero(): Tensor;
    nonzero(opts: { asTuple: true }): Tensor[];
  }
}

/** A zero-filled contiguous tensor (gradient accumulators). */
export function zerosOf(shape: readonly number[], like: Tensor): Tensor {
  const z = Tensor.empty(shape, like.dtype, like.deviceType);
  backendFor(like.deviceType).fill(z.v(), 0);
  return z;
}

/** x[adv] as a copy, recorded under `name`. */
export function gatherIndexed(name: string, x: Tensor, adv: AdvancedIndex): Tensor {
  const shape = advancedShape(x.shape, adv);
  const locate = advancedLocator(adv);
  const out = gatherAt(x, shape, locate);
  const inShape = x.shape;
  // d x[idx] = zeros(x.shape) with g accumulated at idx (repeated indices add up).
  recordOp(name, [x], [out], () => ([g]) => {
    const gg = g as Tensor;
    const z = zerosOf(inShape, gg);
    scatterAt(z, shape, locate, gg.v(), "add");
    return [z];
  });
  return out;
}

const P = Tensor.prototype;

P.index = function (this: Tensor, specs: readonly IndexSpec[]) {
  const r = resolveIndex(this.shape, specs);
  if (r.steps.length === 0 && r.adv === null)
    return makeView(this, this.shape, this.strides, this.offset, "AliasBackward0", (g) => g);
  const view = applySteps(this, r.steps);
  return r.adv === null ? view : gatherIndexed("IndexBackward0", view, r.adv);
};

/** The 1-D int64 index of index_select/index_fill/index_add broadcast along `dim` of `shape`. */
export function spreadIndex(index: Tensor, dim: number, shape: readonly number[]): Tensor {
  const idx = index.dtype === "int64" ? index : index.to("int64");
  const stride = idx.ndim === 0 ? 1 : (idx.strides[0] as number);
  const strides = shape.map((_, d) => (d === dim ? stride : 0));
  return new Tensor(idx.storage, shape, strides, idx.offset);
}

/** index_select's argument checks; returns the wrapped dim. */
export function checkIndexVector(
  x: Tensor,
  dim: number,
  index: Tensor,
  op: string,
  outOfRange: (raw: number, size: number, d: number) => Error,
): number {
  if (index.dtype !== "int64" && index.dtype !== "int32")
    throw runtimeError(`${op}(): Expected dtype int32 or int64 for index`);
  if (index.ndim > 1) throw indexError(`${op}(): Index is supposed to be a vector`);
  const d = wrapDim(dim, x.ndim);
  const size = x.ndim === 0 ? 1 : (x.shape[d] as number);
  for (const raw of index.contiguous().dataSync()) {
    if (raw < 0 || raw >= size) throw outOfRange(raw, size, d);
  }
  return d;
}

P.index_select = function (this: Tensor, dim: number, index: Tensor) {
  // PyTorch 1.13's CPU kernel reports dim 0 and other dims with different texts.
  const d = checkIndexVector(this, dim, index, "index_select", (raw, size, dd) =>
    dd === 0 || this.ndim === 1
      ? indexError("index out of range in self")
      : runtimeError(`INDICES element is out of DATA bounds, id=${raw} axis_dim=${size}`),
  );
  const shape = [...this.shape];
  shape[d] = index.numel();
  const idx = spreadIndex(index, d, shape);
  const out = Tensor.empty(shape, this.dtype, this.deviceType);
  backendFor(this.deviceType).gather(this.v(), d, idx.v(), out.v());
  const inShape = this.shape;
  // d index_select = zeros(x.shape).index_add_(dim, index, g).
  recordOp("IndexSelectBackward0", [this], [out], () => ([g]) => {
    const z = zerosOf(inShape, g as Tensor);
    backendFor(z.deviceType).scatter(z.v(), d, idx.v(), (g as Tensor).v(), "add");
    return [z];
  });
  return out;
};

P.masked_select = function (this: Tensor, mask: Tensor) {
  if (mask.dtype !== "bool")
    throw runtimeError("masked_select: expected BoolTensor or ByteTensor for mask");
  let shape = broadcastShapes(this.shape, mask.shape);
  if (shape.length === 0) shape = [1];
  const m = new Tensor(
    mask.storage,
    shape,
    expandStrides(mask.shape, mask.strides, shape),
    mask.offset,
  );
  const columns = nonzeroColumns(m);
  const count = columns[0]?.length ?? 0;
  const adv = { dims: shape.map((_, d) => d), coords: columns, indexShape: [count], at: 0 };
  // Expanding records ExpandBackward0, which sums the gradient back to x's shape.
  return gatherIndexed("MaskedSelectBackward0", this.expand(shape), adv);
};

P.take = function (this: Tensor, index: Tensor) {
  if (index.dtype !== "int64") throw runtimeError("take(): Expected a long tensor for index");
  const n = this.numel();
  const flat = index.contiguous().dataSync();
  const coords = this.shape.map(() => new Float64Array(flat.length));
  flat.forEach((raw, i) => {
    if (raw < -n || raw >= n)
      throw indexError(`out of range: tried to access index ${raw} on a tensor of ${n} elements.`);
    let rest = raw < 0 ? raw + n : raw;
    for (let d = this.ndim - 1; d >= 0; d--) {
      const size = this.shape[d] as number;
      (coords[d] as Float64Array)[i] = rest % size;
      rest = Math.floor(rest / size);
    }
  });
  const adv = { dims: this.shape.map((_, d) => d), coords, indexShape: [...index.shape], at: 0 };
  return gatherIndexed("TakeBackward0", this, adv);
};

P.nonzero = function (this: Tensor, opts?: { asTuple: true }) {
  const t = opts?.asTuple && this.ndim === 0 ? this.reshape([1]) : this;
  const columns = nonzeroColumns(t);
  const count = t.ndim === 0 ? (t.item() ? 1 : 0) : (columns[0]?.length ?? 0);
  if (opts?.asTuple)
    return columns.map((c) => Tensor.fromArray(c, [c.length], "int64", t.deviceType));
  const data = new Float64Array(count * t.ndim);
  columns.forEach((c, d) => {
    c.forEach((v, i) => {
      data[i * t.ndim + d] = v;
    });
  });
  return Tensor.fromArray(data, [count, t.ndim], "int64", t.deviceType);
} as Tensor["nonzero"];

export function index_select(input: Tensor, dim: number, index: Tensor): Tensor {
  return input.index_select(dim, index);
}
export function masked_select(input: Tensor, mask: Tensor): Tensor {
  return input.masked_select(mask);
}
export function take(input: Tensor, index: Tensor): Tensor {
  return input.take(index);
}
export function nonzero(input: Tensor, opts?: { asTuple?: boolean }): Tensor | Tensor[] {
  return opts?.asTuple ? input.nonzero({ asTuple: true }) : input.nonzero();
}
/** torch.where(condition) with one argument: nonzero(condition, as_tuple=True). */
export function whereNonzero(condition: Tensor): Tensor[] {
  return condition.nonzero({ asTuple: true });
}

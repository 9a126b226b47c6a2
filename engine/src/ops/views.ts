// View ops: new shape/strides/offset over the same storage, never a copy (reshape copies only
// when no view is possible, as PyTorch). Each records its backward, which maps the gradient
// back to the input's geometry; select/slice embed it into zeros of the input's shape.

import { noGrad } from "../autograd/grad-mode.ts";
import { recordOp } from "../autograd/record.ts";
import { refreshView, stampView } from "../autograd/view-history.ts";
import { backendFor } from "../backend/registry.ts";
import { indexError, runtimeError, valueError } from "../core/errors.ts";
import {
  contiguousStrides,
  expandStrides,
  inferSize,
  numelOf,
  sameShape,
  viewStrides,
  wrapDim,
} from "../core/shape.ts";
import { Tensor } from "../tensor.ts";
import { sumToShape } from "./helpers.ts";

export type ShapeArg = number | readonly number[];

/** Accepts PyTorch's two spellings: view(2, 3) and view([2, 3]). */
export function shapeArgs(args: readonly ShapeArg[]): number[] {
  if (args.length === 1 && Array.isArray(args[0])) return [...(args[0] as readonly number[])];
  return args.map((a) => {
    if (typeof a !== "number")
      throw runtimeError("shape arguments must be ints or one list of ints");
    return a;
  });
}

/** Makes a view of t and records its backward under `name`. */
export function makeView(
  t: Tensor,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  name: string | null,
  backward: (g: Tensor) => Tensor,
): Tensor {
  refreshView(t);
  const out = new Tensor(t.storage, shape, strides, offset, t.base ?? t);
  stampView(out);
  if (name !== null)
    recordOp(name, [t], [out], () => ([g]) => [backward(g as Tensor)]);
  return out;
}

/** Gradient of a view that covers part of the input: zeros of the input's shape with g written in. */
function embed(
  g: Tensor,
  inShape: readonly number[],
  part: (z: Tensor) => Tensor,
  name: string,
): Tensor {
  const z = Tensor.empty(inShape, g.dtype, g.deviceType);
  backendFor(g.deviceType).fill(z.v(), 0);
  const window = noGrad(() => part(z));
  backendFor(g.deviceType).copy(g.v(), window.v());
  recordOp(name, [g], [z], () => ([gg]) => [part(gg as Tensor)]);
  return z;
}

declare module "../tensor.ts" {
  interface Tensor {
    view(...shape: ShapeArg[]): Tensor;
    view_as(other: Tensor): Tensor;
    reshape(...shape: ShapeArg[]): Tensor;
    reshape_as(other: Tensor): Tensor;
    transpose(dim0: number, dim1: number): Tensor;
    t(): Tensor;
    readonly T: Tensor;
    permute(...dims: ShapeArg[]): Tensor;
    expand(...shape: ShapeArg[]): Tensor;
    expand_as(other: Tensor): Tensor;
    narrow(dim: number, start: number, length: number): Tensor;
    select(dim: number, index: number): Tensor;
    slice(dim: number, start: number | null, stop: number | null, step?: number): Tensor;
    squeeze(dim?: number): Tensor;
    unsqueeze(dim: number): Tensor;
    flatten(startDim?: number, endDim?: number): Tensor;
    unflatten(dim: number, sizes: readonly number[]): Tensor;
    as_strided(size: readonly number[], stride: readonly number[], storageOffset?: number): Tensor;
    unbind(dim?: number): Tensor[];
    split(sizes: number | readonly number[], dim?: number): Tensor[];
    chunk(chunks: number, dim?: number): Tensor[];
    /** Whether both are the same window onto the same storage (offset, sizes and strides). */
    is_set_to(other: Tensor): boolean;
  }
}

const P = Tensor.prototype;

P.view = function (this: Tensor, ...args: ShapeArg[]) {
  const shape = inferSize(shapeArgs(args), this.numel());
  const strides = viewStrides(this.shape, this.strides, shape);
  if (strides === null) {
    throw runtimeError(
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
  }
  const inShape = this.shape;
  return makeView(this, shape, strides, this.offset, "ViewBackward0", (g) => g.reshape(inShape));
};
P.view_as = function (this: Tensor, other: Tensor) {
  return this.view(other.shape);
};

P.reshape = function (this: Tensor, ...args: ShapeArg[]) {
  const shape = inferSize(shapeArgs(args), this.numel());
  const strides = viewStrides(this.shape, this.strides, shape);
  const inShape = this.shape;
  if (strides !== null) {
    if (sameShape(shape, this.shape))
      return makeView(this, shape, strides, this.offset, "AliasBackward0", (g) => g);
    return makeView(this, shape, strides, this.offset, "ReshapeAliasBackward0", (g) =>
      g.reshape(inShape),
    );
  }
  // No view possible: copy (CloneBackward0) then view the copy (UnsafeViewBackward0).
  const c = this.contiguous();
  const out = new Tensor(c.storage, shape, contiguousStrides(shape), 0);
  recordOp("UnsafeViewBackward0", [c], [out], () => ([g]) => [(g as Tensor).reshape(inShape)]);
  return out;
};
P.reshape_as = function (this: Tensor, other: Tensor) {
  return this.reshape(other.shape);
};

function swapped<T>(a: readonly T[], i: number, j: number): T[] {
  const r = [...a];
  const tmp = r[i] as T;
  r[i] = r[j] as T;
  r[j] = tmp;
  return r;
}

P.transpose = function (this: Tensor, dim0: number, dim1: number) {
  const a = wrapDim(dim0, this.ndim);
  const b = wrapDim(dim1, this.ndim);
  if (this.ndim === 0) return makeView(this, [], [], this.offset, "TransposeBackward0", (g) => g);
  return makeView(
    this,
    swapped(this.shape, a, b),
    swapped(this.strides, a, b),
    this.offset,
    "TransposeBackward0",
    (g) => g.transpose(a, b),
  );
};

P.t = function (this: Tensor) {
  if (this.ndim > 2)
    throw runtimeError(`t() expects a tensor with <= 2 dimensions, but self is ${this.ndim}D`);
  if (this.ndim < 2)
    return makeView(this, this.shape, this.strides, this.offset, "TBackward0", (g) => g);
  return makeView(
    this,
    swapped(this.shape, 0, 1),
    swapped(this.strides, 0, 1),
    this.offset,
    "TBackward0",
    (g) => g.t(),
  );
};

Object.defineProperty(P, "T", {
  get(this: Tensor) {
    const dims = this.shape.map((_, i) => this.ndim - 1 - i);
    return this.permute(dims);
  },
});

P.permute = function (this: Tensor, ...args: ShapeArg[]) {
  const dims = shapeArgs(args);
  if (dims.length !== this.ndim) {
    throw runtimeError(
      `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${this.ndim} is not equal to len(dims) = ${dims.length}`,
    );
  }
  const wrapped = dims.map((d) => wrapDim(d, this.ndim));
  if (new Set(wrapped).size !== wrapped.length)
    throw runtimeError("permute(): duplicate dims are not allowed.");
  const inverse = new Array<number>(wrapped.length);
  wrapped.forEach((d, i) => {
    inverse[d] = i;
  });
  return makeView(
    this,
    wrapped.map((d) => this.shape[d] as number),
    wrapped.map((d) => this.strides[d] as number),
    this.offset,
    "PermuteBackward0",
    (g) => g.permute(inverse),
  );
};

P.expand = function (this: Tensor, ...args: ShapeArg[]) {
  const target = shapeArgs(args);
  const strides = expandStrides(this.shape, this.strides, target);
  const shape = target.map((s, i) =>
    s === -1 ? (this.shape[i - (target.length - this.ndim)] as number) : s,
  );
  const inShape = this.shape;
  return makeView(this, shape, strides, this.offset, "ExpandBackward0", (g) =>
    sumToShape(g, inShape),
  );
};
P.expand_as = function (this: Tensor, other: Tensor) {
  return this.expand(other.shape);
};

P.select = function (this: Tensor, dim: number, index: number) {
  if (this.ndim === 0) throw indexError("select() cannot be applied to a 0-dim tensor.");
  const d = wrapDim(dim, this.ndim);
  const size = this.shape[d] as number;
  if (index < -size || index >= size) {
    throw indexError(
      `select(): index ${index} out of range for tensor of size [${this.shape.join(", ")}] at dimension ${d}`,
    );
  }
  const i = index < 0 ? index + size : index;
  const inShape = this.shape;
  return makeView(
    this,
    this.shape.filter((_, k) => k !== d),
    this.strides.filter((_, k) => k !== d),
    this.offset + i * (this.strides[d] as number),
    "SelectBackward0",
    (g) => embed(g, inShape, (z) => z.select(d, i), "SelectBackwardBackward0"),
  );
};

/** Python slice semantics on one dim: clamped bounds, positive step. */
P.slice = function (
  this: Tensor,
  dim: number,
  start: number | null,
  stop: number | null,
  step = 1,
) {
  if (step <= 0) throw valueError("step must be greater than zero");
  const d = wrapDim(dim, this.ndim);
  const size = this.shape[d] as number;
  const clampIdx = (v: number | null, dflt: number) => {
    if (v === null) return dflt;
    const w = v < 0 ? v + size : v;
    return Math.min(Math.max(w, 0), size);
  };
  const s = clampIdx(start, 0);
  const e = Math.max(clampIdx(stop, size), s);
  const len = Math.ceil((e - s) / step);
  const shape = [...this.shape];
  shape[d] = len;
  const strides = [...this.strides];
  strides[d] = (this.strides[d] as number) * step;
  const inShape = this.shape;
  return makeView(
    this,
    shape,
    strides,
    this.offset + s * (this.strides[d] as number),
    "SliceBackward0",
    (g) => embed(g, inShape, (z) => z.slice(d, s, e, step), "SliceBackwardBackward0"),
  );
};

P.narrow = function (this: Tensor, dim: number, start: number, length: number) {
  const d = wrapDim(dim, this.ndim);
  const size = this.shape[d] as number;
  if (start < -size || start > size) {
    throw indexError(
      `start out of range (expected to be in range of [${-size}, ${size}], but got ${start})`,
    );
  }
  const s = start < 0 ? start + size : start;
  if (s + length > size)
    throw runtimeError(`start (${s}) + length (${length}) exceeds dimension size (${size}).`);
  return this.slice(d, s, s + length);
};

P.squeeze = function (this: Tensor, dim?: number) {
  const inShape = this.shape;
  if (dim === undefined) {
    const keep = this.shape.map((s) => s !== 1);
    return makeView(
      this,
      this.shape.filter((_, i) => keep[i]),
      this.strides.filter((_, i) => keep[i]),
      this.offset,
      "SqueezeBackward0",
      (g) => g.reshape(inShape),
    );
  }
  const d = wrapDim(dim, this.ndim);
  if (this.ndim === 0 || this.shape[d] !== 1) {
    return makeView(this, this.shape, this.strides, this.offset, "SqueezeBackward1", (g) => g);
  }
  return makeView(
    this,
    this.shape.filter((_, i) => i !== d),
    this.strides.filter((_, i) => i !== d),
    this.offset,
    "SqueezeBackward1",
    (g) => g.unsqueeze(d),
  );
};

P.unsqueeze = function (this: Tensor, dim: number) {
  const d = wrapDim(dim, this.ndim + 1);
  const shape = [...this.shape];
  const strides = [...this.strides];
  const st = d < this.ndim ? (this.shape[d] as number) * (this.strides[d] as number) : 1;
  shape.splice(d, 0, 1);
  strides.splice(d, 0, st);
  return makeView(this, shape, strides, this.offset, "UnsqueezeBackward0", (g) => g.squeeze(d));
};

P.flatten = function (this: Tensor, startDim = 0, endDim = -1) {
  if (this.ndim === 0) return this.reshape([1]);
  const s = wrapDim(startDim, this.ndim);
  const e = wrapDim(endDim, this.ndim);
  if (s > e) throw runtimeError("flatten() has invalid args: start_dim cannot come after end_dim");
  if (s === e) return this;
  const shape = [
    ...this.shape.slice(0, s),
    numelOf(this.shape.slice(s, e + 1)),
    ...this.shape.slice(e + 1),
  ];
  return this.reshape(shape);
};

P.unflatten = function (this: Tensor, dim: number, sizes: readonly number[]) {
  const d = wrapDim(dim, this.ndim);
  const size = this.shape[d] as number;
  if (!sizes.includes(-1) && sizes.reduce((a, b) => a * b, 1) !== size) {
    throw runtimeError(
      `unflatten: Provided sizes [${sizes.join(", ")}] don't multiply up to the size of dim ${d} (${size}) in the input tensor`,
    );
  }
  const inner = inferSize(sizes, size);
  return this.view([...this.shape.slice(0, d), ...inner, ...this.shape.slice(d + 1)]);
};

/** The storage must hold every element the geometry can reach (ATen's setStorage check). */
function checkInBounds(
  t: Tensor,
  size: readonly number[],
  stride: readonly number[],
  offset: number,
): void {
  const item = t.elementSize();
  const reach = size.some((s) => s === 0)
    ? 0
    : size.reduce((acc, s, i) => acc + (s - 1) * (stride[i] as number), offset) + 1;
  const have = t.storage.numel * item;
  if (reach * item > have) {
    throw runtimeError(
      `setStorage: sizes [${size.join(", ")}], strides [${stride.join(", ")}], storage offset ${offset}, and itemsize ${item} requiring a storage size of ${reach * item} are out of bounds for storage of size ${have}`,
    );
  }
}

P.as_strided = function (
  this: Tensor,
  size: readonly number[],
  stride: readonly number[],
  storageOffset?: number,
) {
  const off = storageOffset ?? this.offset;
  checkInBounds(this, size, stride, off);
  const inShape = this.shape;
  const inOff = this.offset;
  // The gradient is placed through the same window relative to the input's own offset; exact
  // when the input is contiguous, which is how as_strided is normally used.
  return makeView(this, [...size], [...stride], off, "AsStridedBackward0", (g) =>
    embed(
      g,
      inShape,
      (z) => new Tensor(z.storage, size, stride, off - inOff + z.offset),
      "AsStridedBackwardBackward0",
    ),
  );
};

P.unbind = function (this: Tensor, dim = 0) {
  const d = wrapDim(dim, this.ndim);
  const n = this.shape[d] as number;
  const outs: Tensor[] = [];
  noGrad(() => {
    for (let i = 0; i < n; i++) outs.push(this.select(d, i));
  });
  // UnbindBackward0: stack the pieces' gradients (zeros where a piece got none).
  recordOp("UnbindBackward0", [this], outs, () => (gs) => [stackGrads(gs, outs, d)]);
  return outs;
};

function stackGrads(gs: readonly (Tensor | null)[], outs: readonly Tensor[], d: number): Tensor {
  const filled = gs.map((g, i) => g ?? zerosLike(outs[i] as Tensor));
  return filled.map((g) => g.unsqueeze(d)).reduce((acc, g) => catPair(acc, g, d));
}

function zerosLike(t: Tensor): Tensor {
  const z = Tensor.empty(t.shape, t.dtype, t.deviceType);
  backendFor(t.deviceType).fill(z.v(), 0);
  return z;
}

/** Concatenates two tensors along d (used by backward of split/unbind; cat itself lives elsewhere). */
function catPair(a: Tensor, b: Tensor, d: number): Tensor {
  const shape = [...a.shape];
  shape[d] = (a.shape[d] as number) + (b.shape[d] as number);
  const out = Tensor.empty(shape, a.dtype, a.deviceType);
  const na = a.shape[d] as number;
  noGrad(() => {
    backendFor(a.deviceType).copy(a.v(), out.slice(d, 0, na).v());
    backendFor(a.deviceType).copy(b.v(), out.slice(d, na, null).v());
  });
  recordOp("CatBackward0", [a, b], [out], () => ([g]) => [
    (g as Tensor).slice(d, 0, na),
    (g as Tensor).slice(d, na, null),
  ]);
  return out;
}

P.split = function (this: Tensor, sizes: number | readonly number[], dim = 0) {
  const d = wrapDim(dim, this.ndim);
  const total = this.shape[d] as number;
  let lens: number[];
  if (typeof sizes === "number") {
    if (sizes <= 0 && total > 0)
      throw runtimeError(
        `split_size can only be 0 if dimension size is 0, but got dimension size of ${total}`,
      );
    lens = [];
    for (let s = 0; s < total; s += sizes) lens.push(Math.min(sizes, total - s));
    if (lens.length === 0) lens.push(0);
  } else {
    lens = [...sizes];
    const sum = lens.reduce((a, b) => a + b, 0);
    if (sum !== total) {
      throw runtimeError(
        `split_with_sizes expects split_sizes to sum exactly to ${total} (input tensor's size at dimension ${d}), but got split_sizes=[${lens.join(", ")}]`,
      );
    }
  }
  const outs: Tensor[] = [];
  noGrad(() => {
    let s = 0;
    for (const len of lens) {
      outs.push(this.slice(d, s, s + len));
      s += len;
    }
  });
  recordOp(
    typeof sizes === "number" ? "SplitBackward0" : "SplitWithSizesBackward0",
    [this],
    outs,
    () => (gs) => [
      gs.map((g, i) => g ?? zerosLike(outs[i] as Tensor)).reduce((acc, g) => catPair(acc, g, d)),
    ],
  );
  return outs;
};

P.chunk = function (this: Tensor, chunks: number, dim = 0) {
  if (chunks <= 0)
    throw runtimeError(`chunk expects \`chunks\` to be greater than 0, got: ${chunks}`);
  const d = wrapDim(dim, this.ndim);
  const size = Math.ceil((this.shape[d] as number) / chunks);
  return this.split(Math.max(size, 1), d);
};

P.is_set_to = function (this: Tensor, other: Tensor) {
  return (
    this.storage === other.storage &&
    this.offset === other.offset &&
    this.ndim === other.ndim &&
    this.shape.every((s, i) => s === other.shape[i] && this.strides[i] === other.strides[i])
  );
};

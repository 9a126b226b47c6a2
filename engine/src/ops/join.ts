// Ops that rearrange whole blocks of data into a new tensor: cat/concat/stack, repeat, flip,
// roll, tril/triu. Each forward is a few strided copies (the backend's copy kernel with
// crafted views: offsets, negative or zero strides), so a GPU backend needs nothing new.
// They always allocate their result; none returns a view.

import { noGrad } from "../autograd/grad-mode.ts";
import { recordOp } from "../autograd/record.ts";
import { backendFor } from "../backend/registry.ts";
import { type DType, isFloating, promoteTypes } from "../core/dtype.ts";
import { runtimeError } from "../core/errors.ts";
import { contiguousStrides, fmtShape, wrapDim } from "../core/shape.ts";
import { Tensor } from "../tensor.ts";
import { emptyLike } from "./copy.ts";
import { scalarView } from "./helpers.ts";
import { type ShapeArg, shapeArgs } from "./views.ts";

declare module "../tensor.ts" {
  interface Tensor {
    repeat(...repeats: ShapeArg[]): Tensor;
    flip(...dims: ShapeArg[]): Tensor;
    roll(shifts: number | readonly number[], dims?: number | readonly number[] | null): Tensor;
    tril(diagonal?: number): Tensor;
    triu(diagonal?: number): Tensor;
  }
}

/** Casts a gradient back to a floating input's dtype (cat/stack may have promoted it). */
const gradAs = (g: Tensor, t: Tensor): Tensor | null =>
  isFloating(t.dtype) ? (g.dtype === t.dtype ? g : g.to(t.dtype)) : null;

/** Copies src (cast) into a window of out without recording anything. */
function copyInto(src: Tensor, window: Tensor): void {
  backendFor(window.deviceType).copy(src.v(), window.v());
}

/** torch.cat: promotes dtypes, skips legacy empty 1-D inputs, checks ranks and sizes. */
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw runtimeError("torch.cat(): expected a non-empty list of Tensors");
  tensors.forEach((t, i) => {
    if (t.ndim === 0)
      throw runtimeError(`zero-dimensional tensor (at position ${i}) cannot be concatenated`);
  });
  const dtype = tensors.map((t) => t.dtype).reduce((a, b) => promoteTypes(a, b));
  const legacyEmpty = (t: Tensor): boolean => t.ndim === 1 && t.shape[0] === 0;
  const used = tensors.filter((t) => !legacyEmpty(t));
  const ref = used[0] ?? (tensors[0] as Tensor);
  const d = wrapDim(dim, ref.ndim);
  used.forEach((t) => {
    if (t.ndim !== ref.ndim)
      throw runtimeError(
        `Tensors must have same number of dimensions: got ${ref.ndim} and ${t.ndim}`,
      );
    t.shape.forEach((s, k) => {
      if (k !== d && s !== ref.shape[k]) {
        throw runtimeError(
          `Sizes of tensors must match except in dimension ${d}. Expected size ${ref.shape[k]} but got size ${s} for tensor number ${tensors.indexOf(t)} in the list.`,
        );
      }
    });
  });
  const shape = [...ref.shape];
  shape[d] = used.reduce((n, t) => n + (t.shape[d] as number), 0);
  const out = Tensor.empty(shape, dtype, ref.deviceType);
  const starts: number[] = [];
  let at = 0;
  noGrad(() => {
    for (const t of used) {
      starts.push(at);
      copyInto(t, out.slice(d, at, at + (t.shape[d] as number)));
      at += t.shape[d] as number;
    }
  });
  // d cat = g split back along dim (each input gets its own slice; skipped empties get []).
  recordOp(
    "CatBackward0",
    tensors,
    [out],
    () =>
      ([g]) =>
        tensors.map((t, k) => {
          if (legacyEmpty(t))
            return gradAs(Tensor.empty([0], (g as Tensor).dtype, t.deviceType), t);
          const s = starts[tensors.slice(0, k).filter((u) => !legacyEmpty(u)).length] as number;
          return gradAs((g as Tensor).slice(d, s, s + (t.shape[d] as number)), t);
        }),
  );
  return out;
}
export const concat = cat;

/** torch.stack: inputs of one shape, joined along a new dim. */
export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw runtimeError("stack expects a non-empty TensorList");
  const first = tensors[0] as Tensor;
  tensors.forEach((t, i) => {
    if (t.shape.length !== first.ndim || t.shape.some((s, k) => s !== first.shape[k])) {
      throw runtimeError(
        `stack expects each tensor to be equal size, but got ${fmtShape(first.shape)} at entry 0 and ${fmtShape(t.shape)} at entry ${i}`,
      );
    }
  });
  const d = wrapDim(dim, first.ndim + 1);
  const dtype: DType = tensors.map((t) => t.dtype).reduce((a, b) => promoteTypes(a, b));
  const shape = [...first.shape];
  shape.splice(d, 0, tensors.length);
  const out = Tensor.empty(shape, dtype, first.deviceType);
  noGrad(() => {
    tensors.forEach((t, i) => {
      copyInto(t, out.select(d, i));
    });
  });
  // d stack = g unbound along the new dim.
  recordOp(
    "StackBackward0",
    tensors,
    [out],
    () =>
      ([g]) =>
        tensors.map((t, i) => gradAs((g as Tensor).select(d, i), t)),
  );
  return out;
}

const P = Tensor.prototype;

P.repeat = function (this: Tensor, ...args: ShapeArg[]) {
  const reps = shapeArgs(args);
  if (reps.length < this.ndim)
    throw runtimeError(
      "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor",
    );
  const lead = reps.length - this.ndim;
  const inShape = [...new Array<number>(lead).fill(1), ...this.shape];
  const inStrides = [...new Array<number>(lead).fill(0), ...this.strides];
  // View x as [1, s0, 1, s1, ...], broadcast to [r0, s0, r1, s1, ...], copy, then merge pairs.
  const pairShape = reps.flatMap((r, i) => [r, inShape[i] as number]);
  const pairStrides = reps.flatMap((_, i) => [0, inStrides[i] as number]);
  const out = Tensor.empty(pairShape, this.dtype, this.deviceType);
  backendFor(this.deviceType).copy(
    { ...this.v(), shape: pairShape, strides: pairStrides },
    out.v(),
  );
  const shape = reps.map((r, i) => r * (inShape[i] as number));
  const result = new Tensor(out.storage, shape, contiguousStrides(shape), 0);
  const xShape = this.shape;
  // d repeat = g viewed as [r0, s0, r1, s1, ...] summed over the repeat dims.
  recordOp("RepeatBackward0", [this], [result], () => ([g]) => {
    const gs = (g as Tensor).reshape(pairShape);
    const repDims = reps.map((_, i) => 2 * i);
    return [gs.sum(repDims).reshape(xShape)];
  });
  return result;
};

P.flip = function (this: Tensor, ...args: ShapeArg[]) {
  const dims = shapeArgs(args).map((d) => wrapDim(d, this.ndim));
  const seen = new Set<number>();
  for (const d of dims) {
    if (seen.has(d)) throw runtimeError(`dim ${d} appears multiple times in the list of dims`);
    seen.add(d);
  }
  // A flipped dim is read backwards: negative stride, offset at its last element.
  let offset = this.offset;
  const strides = this.strides.map((s, d) => {
    if (!seen.has(d) || (this.shape[d] as number) === 0) return s;
    offset += ((this.shape[d] as number) - 1) * s;
    return -s;
  });
  // flip allocates empty_like(self) (preserve_format): a transposed input flips transposed.
  const out = emptyLike(this);
  if (out.numel() > 0) backendFor(this.deviceType).copy({ ...this.v(), strides, offset }, out.v());
  // d flip = flip of g over the same dims.
  recordOp("FlipBackward0", [this], [out], () => ([g]) => [(g as Tensor).flip(dims)]);
  return out;
};

P.roll = function (
  this: Tensor,
  shifts: number | readonly number[],
  dims: number | readonly number[] | null = null,
) {
  const sh = typeof shifts === "number" ? [shifts] : [...shifts];
  const ds = dims === null ? [] : typeof dims === "number" ? [dims] : [...dims];
  if (ds.length === 0) {
    const flat = noGrad(() =>
      this.reshape([-1])
        .roll(sh[0] as number, 0)
        .reshape(this.shape),
    );
    return recordRoll(this, flat, sh, null);
  }
  if (sh.length !== ds.length)
    throw runtimeError(`shifts and dimensions must align. shifts: ${sh.length}, dims:${ds.length}`);
  let cur: Tensor = this;
  noGrad(() => {
    ds.forEach((dim, k) => {
      const d = wrapDim(dim, cur.ndim);
      const n = cur.shape[d] as number;
      const out = Tensor.empty(cur.shape, cur.dtype, cur.deviceType);
      const s = n === 0 ? 0 : (((sh[k] as number) % n) + n) % n;
      // out[s:] = x[:n-s], out[:s] = x[n-s:]
      copyInto(cur.slice(d, 0, n - s), out.slice(d, s, n));
      copyInto(cur.slice(d, n - s, n), out.slice(d, 0, s));
      cur = out;
    });
  });
  return recordRoll(this, cur === this ? this.clone() : cur, sh, ds);
};

/** d roll(shifts) = roll(g, -shifts) over the same dims. */
function recordRoll(x: Tensor, out: Tensor, sh: number[], ds: number[] | null): Tensor {
  recordOp("RollBackward0", [x], [out], () => ([g]) => [
    (g as Tensor).roll(
      sh.map((s) => -s),
      ds,
    ),
  ]);
  return out;
}

/** Keeps elements on and below (tril) or above (triu) the k-th diagonal of the last two dims. */
function triangle(x: Tensor, k: number, lower: boolean): Tensor {
  wrapDim(-2, x.ndim);
  const rows = x.shape[x.ndim - 2] as number;
  const cols = x.shape[x.ndim - 1] as number;
  const mask = Tensor.empty([rows, cols], "bool", x.deviceType, false);
  const keep = new Uint8Array(rows * cols);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) keep[i * cols + j] = (lower ? j - i <= k : j - i >= k) ? 1 : 0;
  mask.storage.backend.upload(mask.storage.buffer, keep);
  const lead = x.ndim - 2;
  const maskView = {
    ...mask.v(),
    shape: x.shape,
    strides: x.shape.map((_, d) => (d < lead ? 0 : d === lead ? cols : 1)),
  };
  const out = Tensor.empty(x.shape, x.dtype, x.deviceType);
  const backend = backendFor(x.deviceType);
  backend.where(maskView, x.v(), scalarView(0, x.dtype, x.shape, x.deviceType), out.v());
  // d tril(x, k) = tril(g, k) (the same mask), likewise triu.
  recordOp(lower ? "TrilBackward0" : "TriuBackward0", [x], [out], () => ([g]) => [
    lower ? (g as Tensor).tril(k) : (g as Tensor).triu(k),
  ]);
  return out;
}

P.tril = function (this: Tensor, diagonal = 0) {
  return triangle(this, diagonal, true);
};
P.triu = function (this: Tensor, diagonal = 0) {
  return triangle(this, diagonal, false);
};

export function flip(input: Tensor, dims: readonly number[]): Tensor {
  return input.flip(dims);
}
export function roll(
  input: Tensor,
  shifts: number | readonly number[],
  dims?: number | readonly number[] | null,
): Tensor {
  return input.roll(shifts, dims);
}
export function tril(input: Tensor, diagonal = 0): Tensor {
  return input.tril(diagonal);
}
export function triu(input: Tensor, diagonal = 0): Tensor {
  return input.triu(diagonal);
}

// Order statistics: median (of everything, or along a dim with its index), kthvalue, mode and
// quantile, as PyTorch 1.13's CPU computes them (aten/src/ATen/native/Sorting.cpp). Values are
// read on the host. median along a dim ranks by (value, index), so its index among equal values
// is defined: the one at rank (n - 1) / 2. kthvalue runs PyTorch's own quickselect
// (SortingUtils.h, quick_select_template) on (value, index) pairs compared by value only, and
// its index among equal values is whichever that leaves at k - 1: replayed step for step here.
// A NaN in a slice is its median (the first NaN) and sorts above everything for kthvalue.
// mode sorts (value, index) pairs by value with libstdc++'s std::sort (replayed by
// backend/cpu/std-sort.ts) and returns the most frequent value, the first such run winning, with
// the index that ends its run: so its index among equal values is std::sort's, as PyTorch's.

import { noGrad } from "../autograd/grad-mode.ts";
import { recordOp } from "../autograd/record.ts";
import { stdSort } from "../backend/cpu/std-sort.ts";
import { isFloating } from "../core/dtype.ts";
import { indexError, runtimeError } from "../core/errors.ts";
import { wrapDim } from "../core/shape.ts";
import { Tensor } from "../tensor.ts";
import { typeName } from "./helpers.ts";
import type { Values } from "./reduce.ts";
import { reducedShape } from "./reduce.ts";

declare module "../tensor.ts" {
  interface Tensor {
    median(): Tensor;
    median(dim: number, keepdim?: boolean): Values;
    kthvalue(k: number, dim?: number, keepdim?: boolean): Values;
    mode(dim?: number, keepdim?: boolean): Values;
    quantile(
      q: number | Tensor,
      dim?: number | null,
      keepdim?: boolean,
      interpolation?: string,
    ): Tensor;
  }
}

/** The slices of x along d as rows of a host array: [rows, size] with rows in row-major order. */
function rowsAlong(x: Tensor, d: number): { data: ArrayLike<number>; rows: number; size: number } {
  const size = x.ndim === 0 ? 1 : (x.shape[d] as number);
  const perm = [...x.shape.keys()].filter((i) => i !== d);
  const moved = x.ndim === 0 ? x.reshape([1]) : x.permute(...perm, d);
  const data = moved.contiguous().dataSync();
  return { data, rows: size === 0 ? 0 : data.length / size, size };
}

/** PyTorch's quick_select_template: moves v (and its indices) so that v[k] has rank k. */
function quickSelect(
  v: number[],
  ix: number[],
  k: number,
  gt: (a: number, b: number) => boolean,
): void {
  const swap = (i: number, j: number) => {
    [v[i], v[j]] = [v[j] as number, v[i] as number];
    [ix[i], ix[j]] = [ix[j] as number, ix[i] as number];
  };
  let L = 0;
  let R = v.length - 1;
  for (;;) {
    if (R <= L) return;
    if (R === L + 1) {
      if (gt(v[L] as number, v[R] as number)) swap(L, R);
      return;
    }
    const P = L + Math.floor((R - L) / 2);
    swap(P, L + 1);
    if (gt(v[L + 1] as number, v[R] as number)) swap(L + 1, R);
    if (gt(v[L] as number, v[R] as number)) swap(L, R);
    if (gt(v[L + 1] as number, v[L] as number)) swap(L + 1, L);
    let i = L + 1;
    let j = R;
    const piv = v[L] as number;
    for (;;) {
      do i++;
      while (gt(piv, v[i] as number));
      do j--;
      while (gt(v[j] as number, piv));
      if (j < i) break;
      swap(i, j);
    }
    swap(L, j);
    if (j <= k) L = i;
    if (j >= k) R = j - 1;
  }
}

/** Greater, with NaN above every number (kthvalue's order). */
const gtOrNan = (a: number, b: number): boolean => (a !== a && b === b) || a > b;

/** values/indices of shape outShape on x's device, and the node that scatters g back. */
function selected(
  x: Tensor,
  d: number,
  keepdim: boolean,
  vals: Float64Array,
  idx: Float64Array,
  node: string,
): Values {
  const outShape = x.ndim === 0 ? [] : reducedShape(x.shape, [d], keepdim);
  const values = Tensor.fromArray(vals, outShape, x.dtype, x.deviceType);
  const indices = Tensor.fromArray(idx, outShape, "int64", x.deviceType);
  const inShape = x.shape;
  recordOp(node, [x], [values], () => ([g]) => {
    const gg = g as Tensor;
    if (inShape.length === 0) return [gg.reshape([])];
    const at = keepdim ? indices : indices.unsqueeze(d);
    const gv = keepdim ? gg : gg.unsqueeze(d);
    return [Tensor.empty(inShape, gg.dtype, gg.deviceType).zero_().scatter(d, at, gv)];
  });
  return { values, indices };
}

function checkNonEmpty(x: Tensor, d: number, op: string): void {
  if (x.ndim > 0 && x.shape[d] === 0) {
    throw indexError(`${op}(): Expected reduction dim ${d} to have non-zero size.`);
  }
}

Tensor.prototype.median = function (this: Tensor, dim?: number, keepdim: boolean = false): never {
  if (dim === undefined || dim === null) return medianAll(this) as never;
  const d = wrapDim(dim, Math.max(this.ndim, 1));
  checkNonEmpty(this, d, "median");
  const { data, rows, size } = rowsAlong(this, d);
  const vals = new Float64Array(rows);
  const idx = new Float64Array(rows);
  const order: number[] = [];
  for (let r = 0; r < rows; r++) {
    const base = r * size;
    let nan = -1;
    for (let i = 0; i < size && nan < 0; i++)
      if ((data[base + i] as number) !== (data[base + i] as number)) nan = i;
    if (nan >= 0) {
      vals[r] = Number.NaN;
      idx[r] = nan;
      continue;
    }
    order.length = 0;
    for (let i = 0; i < size; i++) order.push(i);
    order.sort((i, j) => (data[base + i] as number) - (data[base + j] as number) || i - j);
    const at = order[Math.floor((size - 1) / 2)] as number;
    vals[r] = data[base + at] as number;
    idx[r] = at;
  }
  return selected(this, d, keepdim, vals, idx, "MedianBackward1") as never;
};

/** median() of every element: the value of rank (n - 1) / 2, NaN if any is NaN or none is there. */
function medianAll(x: Tensor): Tensor {
  const data = Array.from(x.contiguous().dataSync());
  let value: number;
  if (data.length === 0 || data.some((v) => v !== v)) {
    if (!isFloating(x.dtype)) throw runtimeError("median() input tensor cannot be empty");
    value = Number.NaN;
  } else {
    data.sort((a, b) => a - b);
    value = data[Math.floor((data.length - 1) / 2)] as number;
  }
  const out = Tensor.fromArray([value], [], x.dtype, x.deviceType);
  // MedianBackward0: g shared evenly among the elements equal to the median (NaN: the NaNs)
  recordOp("MedianBackward0", [x], [out], (node) => {
    const sx = node.save(x);
    return ([g]) => {
      const xs = sx.unpack();
      const hit = noGrad(() => (value !== value ? xs.isnan() : xs.eq(value)).to(xs.dtype));
      return [hit.mul((g as Tensor).div(hit.sum()))];
    };
  });
  return out;
}

Tensor.prototype.kthvalue = function (this: Tensor, k: number, dim = -1, keepdim = false) {
  const d = wrapDim(dim, Math.max(this.ndim, 1));
  const size = this.ndim === 0 ? 1 : (this.shape[d] as number);
  if (!(k >= 1 && k <= size)) {
    throw runtimeError(`kthvalue(): selected number k out of range for dimension ${d}`);
  }
  if (this.dtype === "bool")
    throw runtimeError(`"kthvalue_cpu" not implemented for '${typeName(this.dtype)}'`);
  const { data, rows } = rowsAlong(this, d);
  const vals = new Float64Array(rows);
  const idx = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const v: number[] = [];
    const ix: number[] = [];
    for (let i = 0; i < size; i++) {
      v.push(data[r * size + i] as number);
      ix.push(i);
    }
    quickSelect(v, ix, k - 1, gtOrNan);
    vals[r] = v[k - 1] as number;
    idx[r] = ix[k - 1] as number;
  }
  return selected(this, d, keepdim, vals, idx, "KthvalueBackward0");
};

Tensor.prototype.mode = function (this: Tensor, dim = -1, keepdim = false) {
  const d = wrapDim(dim, Math.max(this.ndim, 1));
  checkNonEmpty(this, d, "mode");
  const { data, rows, size } = rowsAlong(this, d);
  const vals = new Float64Array(rows);
  const idx = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const base = r * size;
    const order: number[] = [];
    for (let i = 0; i < size; i++) order.push(i);
    stdSort(order, 0, size, (i, j) => (data[base + i] as number) < (data[base + j] as number));
    let run = 0;
    let best = 0;
    for (let i = 0; i < size; i++) {
      run++;
      const v = data[base + (order[i] as number)] as number;
      const next = i + 1 < size ? (data[base + (order[i + 1] as number)] as number) : Number.NaN;
      if (i === size - 1 || v !== next) {
        if (run > best) {
          vals[r] = v;
          idx[r] = order[i] as number;
          best = run;
        }
        run = 0;
      }
    }
  }
  return selected(this, d, keepdim, vals, idx, "ModeBackward0");
};

const INTERPOLATIONS = ["linear", "lower", "higher", "midpoint", "nearest"];

/**
 * `torch.quantile(input, q, dim=None, keepdim=False, interpolation="linear")` as PyTorch 1.13
 * composes it (Sorting.cpp, quantile_impl): sort along dim (all elements for None), rank =
 * q (n - 1) (the last index where the slice holds a NaN), adjusted by the interpolation, then
 * the sorted values at the ranks below and above blended by lerp. A 1-D q puts its quantiles on
 * a new first dim. Differentiable through sort, gather and lerp; the last node is the squeeze_
 * PyTorch ends with (SqueezeBackward3).
 */
Tensor.prototype.quantile = function (
  this: Tensor,
  q: number | Tensor,
  dim: number | null = null,
  keepdim = false,
  interpolation = "linear",
) {
  if (!isFloating(this.dtype)) {
    throw runtimeError("quantile() input tensor must be either float or double dtype");
  }
  const qt = q instanceof Tensor ? q : null;
  if (qt !== null) {
    if (qt.ndim > 1) throw runtimeError("quantile() q must be a scalar or 1D tensor");
    if (qt.dtype !== this.dtype) {
      throw runtimeError("quantile() q tensor must be same dtype as the input tensor");
    }
  }
  if (!INTERPOLATIONS.includes(interpolation)) {
    throw runtimeError(
      `quantile() interpolation must be one of linear, lower, higher, midpoint or nearest, but got ${interpolation}`,
    );
  }
  if (this.numel() === 0) throw runtimeError("quantile() input tensor must be non-empty");
  if (qt === null && !((q as number) >= 0 && (q as number) <= 1)) {
    throw runtimeError(`quantile() q must be in the range [0, 1] but got ${q}`);
  }
  if (qt !== null) {
    const qv = qt.detach().contiguous().dataSync();
    for (const v of qv) {
      if (!((v as number) >= 0 && (v as number) <= 1))
        throw runtimeError("quantile() q values must be in the range [0, 1]");
    }
  }
  const d = dim === null ? null : wrapDim(dim, Math.max(this.ndim, 1));
  // sorted: [..., n] with the reduced dim last (or everything flattened)
  let x: Tensor = this;
  if (d === null) x = this.reshape([-1]);
  else if (this.ndim > 0 && d !== this.ndim - 1) {
    const perm = [...this.shape.keys()].filter((i) => i !== d);
    x = this.permute(...perm, d);
  } else if (this.ndim === 0) x = this.reshape([1]);
  const sorted = x.sort(-1).values;
  const n = sorted.shape[sorted.ndim - 1] as number;
  const qs = qt ?? Tensor.fromArray([q as number], [], this.dtype, this.deviceType);
  const qCol = qt === null ? qs.reshape([1]) : qs; // [k]
  const k = qCol.numel();
  // ranks: [..., k] for each slice and quantile
  const lead = sorted.shape.slice(0, -1);
  const ranks = noGrad(() => {
    let r = qCol.mul(n - 1).expand([...lead, k]);
    const hasNan = sorted
      .isnan()
      .any(-1, true)
      .expand([...lead, k]);
    r = r.masked_fill(hasNan, n - 1);
    if (interpolation === "lower") r = r.floor();
    else if (interpolation === "higher") r = r.ceil();
    else if (interpolation === "nearest") r = r.round();
    return r;
  });
  const below = noGrad(() => ranks.to("int64"));
  let values = sorted.gather(-1, below);
  if (interpolation === "linear" || interpolation === "midpoint") {
    const weights = noGrad(() =>
      interpolation === "midpoint" ? ranks.mul(0).add(0.5) : ranks.sub(below.to(ranks.dtype)),
    );
    const above = noGrad(() => ranks.ceil().to("int64"));
    values = values.lerp(sorted.gather(-1, above), weights);
  }
  // [..., k] -> the output shape: keepdim puts size-1 dims back where the reduced ones were
  let outCore = values; // [...lead, k]
  if (keepdim) {
    const kept = d === null ? this.shape.map(() => 1) : this.shape.map((s, i) => (i === d ? 1 : s));
    outCore = outCore.reshape([...kept, k]);
  }
  const moved = qt === null ? outCore : outCore.unsqueeze(0).transpose(0, -1);
  return squeezeLast(moved);
};

/** t without its last (size-1) dim, recorded as PyTorch's in-place squeeze_(-1). */
function squeezeLast(t: Tensor): Tensor {
  const out = noGrad(() => t.squeeze(-1).clone());
  recordOp("SqueezeBackward3", [t], [out], () => ([g]) => [(g as Tensor).unsqueeze(-1)]);
  return out;
}

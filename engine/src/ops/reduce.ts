// Reductions: sum/mean/prod/all/any over dims with keepdim, max/min with indices, argmax/argmin,
// amax/amin, var/std with correction, norm and cumsum/cumprod, each with its backward beside it.
// The kernel reduces trailing dims, so reduced dims are permuted to the end first.

import { noGrad } from "../autograd/grad-mode.ts";
import { recordOp } from "../autograd/record.ts";
import type { ReduceOp, View } from "../backend/backend.ts";
import { backendFor } from "../backend/registry.ts";
import {
  type DType,
  getDefaultDtype,
  isFloating,
  type Scalar,
  scalarValue,
} from "../core/dtype.ts";
import { indexError, notImplemented, runtimeError } from "../core/errors.ts";
import { contiguousStrides, wrapDim } from "../core/shape.ts";
import { Tensor } from "../tensor.ts";
import { typeName } from "./helpers.ts";
import { cat } from "./join.ts";
import { where } from "./tensor-math.ts";

export type DimArg = number | readonly number[] | null | undefined;

/** Normalises dims (null/undefined/[] = all dims), rejecting repeats as PyTorch does. */
export function reduceDims(t: Tensor, dim: DimArg): number[] {
  if (dim === null || dim === undefined) return t.shape.map((_, i) => i);
  const list = typeof dim === "number" ? [dim] : [...dim];
  if (list.length === 0) return t.shape.map((_, i) => i);
  const out = list.map((d) => wrapDim(d, t.ndim));
  const seen = new Set<number>();
  for (const d of out) {
    if (seen.has(d)) throw runtimeError(`dim ${d} appears multiple times in the list of dims`);
    seen.add(d);
  }
  return out
    .filter((d) => d < Math.max(t.ndim, 0) || t.ndim === 0)
    .filter((d) => t.ndim > 0 || d === 0);
}

/** Shape after reducing dims: removed, or kept as 1. */
export function reducedShape(
  shape: readonly number[],
  dims: readonly number[],
  keepdim: boolean,
): number[] {
  const out: number[] = [];
  shape.forEach((s, i) => {
    if (!dims.includes(i)) out.push(s);
    else if (keepdim) out.push(1);
  });
  return out;
}

/** Runs a kernel reduction of `dims` of t into a new tensor of `dtype`. */
function runReduce(
  op: ReduceOp,
  t: Tensor,
  dims: readonly number[],
  keepdim: boolean,
  dtype: DType,
): Tensor {
  const be = backendFor(t.deviceType);
  return runKernel(t, dims, keepdim, dtype, op === "all" || op === "any", (src, dst) =>
    be.reduce(op, src, dst),
  );
}

/**
 * Runs `kernel` over a view of t with `dims` moved last, into a new tensor of `dtype` (t is
 * first copied to `dtype` unless `anyDtype`).
 */
function runKernel(
  t: Tensor,
  dims: readonly number[],
  keepdim: boolean,
  dtype: DType,
  anyDtype: boolean,
  kernel: (src: View, dst: View) => void,
): Tensor {
  const kept = t.shape.map((_, i) => i).filter((i) => !dims.includes(i));
  const order = [...kept, ...dims.filter((d) => d < t.ndim)];
  const src = t.v();
  const view = {
    ...src,
    shape: order.map((d) => t.shape[d] as number),
    strides: order.map((d) => t.strides[d] as number),
  };
  const out = Tensor.empty(reducedShape(t.shape, dims, keepdim), dtype, t.deviceType);
  const dst = {
    ...out.v(),
    shape: kept.map((d) => t.shape[d] as number),
    strides: contiguousStrides(kept.map((d) => t.shape[d] as number)),
  };
  if (t.dtype !== dtype && !anyDtype) {
    const tmp = Tensor.empty(view.shape, dtype, t.deviceType, false);
    backendFor(t.deviceType).copy(view, tmp.v());
    kernel(tmp.v(), dst);
  } else kernel(view, dst);
  return out;
}

/** Expands a reduced gradient back over the reduced dims of the input. */
function expandBack(
  g: Tensor,
  inShape: readonly number[],
  dims: readonly number[],
  keepdim: boolean,
): Tensor {
  let r = g;
  if (!keepdim) for (const d of [...dims].sort((a, b) => a - b)) r = r.unsqueeze(d);
  return r.expand(inShape);
}

const countOf = (shape: readonly number[], dims: readonly number[]): number =>
  dims.reduce((a, d) => a * (shape[d] ?? 1), 1);

function sumDtype(t: Tensor, dtype?: DType): DType {
  return dtype ?? (isFloating(t.dtype) ? t.dtype : "int64");
}

export interface Values {
  values: Tensor;
  indices: Tensor;
}

declare module "../tensor.ts" {
  interface Tensor {
    sum(dim?: DimArg, keepdim?: boolean, dtype?: DType): Tensor;
    mean(dim?: DimArg, keepdim?: boolean, dtype?: DType): Tensor;
    prod(dim?: number | null, keepdim?: boolean): Tensor;
    all(dim?: number | null, keepdim?: boolean): Tensor;
    any(dim?: number | null, keepdim?: boolean): Tensor;
    max(): Tensor;
    max(dim: number, keepdim?: boolean): Values;
    min(): Tensor;
    min(dim: number, keepdim?: boolean): Values;
    amax(dim?: DimArg, keepdim?: boolean): Tensor;
    amin(dim?: DimArg, keepdim?: boolean): Tensor;
    argmax(dim?: number | null, keepdim?: boolean): Tensor;
    argmin(dim?: number | null, keepdim?: boolean): Tensor;
    var(dim?: DimArg, correction?: number, keepdim?: boolean): Tensor;
    std(dim?: DimArg, correction?: number, keepdim?: boolean): Tensor;
    norm(p?: Scalar | "fro" | "nuc", dim?: DimArg, keepdim?: boolean): Tensor;
    cumsum(dim: number): Tensor;
    cumprod(dim: number): Tensor;
    logsumexp(dim: DimArg, keepdim?: boolean): Tensor;
    bincount(weights?: Tensor | null, minlength?: number): Tensor;
  }
}

const P = Tensor.prototype;

P.sum = function (this: Tensor, dim?: DimArg, keepdim = false, dtype?: DType) {
  const dims = reduceDims(this, dim);
  const out = runReduce("sum", this, dims, keepdim, sumDtype(this, dtype));
  const inShape = this.shape;
  const full = dim === null || dim === undefined;
  recordOp(full ? "SumBackward0" : "SumBackward1", [this], [out], () => ([g]) => [
    expandBack(g as Tensor, inShape, dims, keepdim),
  ]);
  return out;
};

P.mean = function (this: Tensor, dim?: DimArg, keepdim = false, dtype?: DType) {
  const d = dtype ?? this.dtype;
  if (!isFloating(d)) {
    throw runtimeError(
      `mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${typeName(d)}`,
    );
  }
  const dims = reduceDims(this, dim);
  const n = countOf(this.shape, dims);
  const out = noGrad(() => runReduce("sum", this, dims, keepdim, d).div_(n));
  const inShape = this.shape;
  const full = dim === null || dim === undefined;
  recordOp(full ? "MeanBackward0" : "MeanBackward1", [this], [out], () => ([g]) => [
    expandBack((g as Tensor).div(n), inShape, dims, keepdim),
  ]);
  return out;
};

P.prod = function (this: Tensor, dim?: number | null, keepdim = false) {
  const dims = reduceDims(this, dim);
  const out = runReduce("prod", this, dims, keepdim, sumDtype(this));
  const inShape = this.shape;
  // d prod / d x_i = prod of the other elements: out / x_i where x_i != 0, else computed directly.
  recordOp(
    dim === null || dim === undefined ? "ProdBackward0" : "ProdBackward1",
    [this],
    [out],
    (node) => {
      const sx = node.save(this);
      return ([g]) => {
        const x = sx.unpack();
        const gx = expandBack(g as Tensor, inShape, dims, keepdim);
        const o = expandBack(out, inShape, dims, keepdim);
        const zero = x.eq(0);
        if (x.deviceType !== "cpu") {
          // No host read on a device (core/host-reads.ts): where x_i == 0, the product of the
          // others from prefix and suffix products; elsewhere out / x_i, as on the CPU.
          const others = noGrad(() => productOfOthersOnDevice(x, dims));
          return [gx.mul(where(zero, others, o.div(x)))];
        }
        if (!(zero.any().item() as boolean)) return [gx.mul(o).div(x)];
        // With zeros: product of the others = prod over the reduced dims with x_i replaced by 1.
        const others = noGrad(() => productOfOthers(x, dims));
        return [gx.mul(others)];
      };
    },
  );
  return out;
};

/**
 * For each element, the product of the other elements of its group (the elements sharing its
 * kept coordinates), without reading values on the host: the reduced dims move last and flatten
 * to one, and the product of the others is exclusive prefix times exclusive suffix products.
 */
function productOfOthersOnDevice(x: Tensor, dims: readonly number[]): Tensor {
  if (x.ndim === 0) return x.new_ones([]);
  const kept = x.shape.map((_, d) => d).filter((d) => !dims.includes(d));
  const perm = [...kept, ...dims];
  const keptShape = kept.map((d) => x.shape[d] as number);
  const groupShape = dims.map((d) => x.shape[d] as number);
  const n = groupShape.reduce((a, b) => a * b, 1);
  const rows = x.permute(perm).reshape([...keptShape, n]);
  const last = keptShape.length;
  const one = rows.new_ones([...keptShape, 1]);
  const prefix = cat([one, rows.cumprod(last).slice(last, 0, n - 1)], last);
  const suffix = cat([rows.flip(last).cumprod(last).flip(last).slice(last, 1, n), one], last);
  const inverse = perm.map((_, d) => perm.indexOf(d));
  return prefix
    .mul(suffix)
    .reshape([...keptShape, ...groupShape])
    .permute(inverse);
}

function productOfOthers(x: Tensor, dims: readonly number[]): Tensor {
  const vals = x.contiguous().dataSync();
  const out = new Float64Array(vals.length);
  const strides = contiguousStrides(x.shape);
  const keyOf = (i: number) =>
    x.shape
      .map((_, d) =>
        dims.includes(d) ? 0 : Math.floor(i / (strides[d] as number)) % (x.shape[d] as number),
      )
      .join(",");
  const groups = new Map<string, number[]>();
  for (let i = 0; i < vals.length; i++) {
    const k = keyOf(i);
    let g = groups.get(k);
    if (!g) {
      g = [];
      groups.set(k, g);
    }
    g.push(i);
  }
  for (const g of groups.values()) {
    for (const i of g) {
      let p = 1;
      for (const j of g) if (j !== i) p *= vals[j] as number;
      out[i] = p;
    }
  }
  return Tensor.fromArray(out, x.shape, x.dtype, x.deviceType);
}

function boolReduce(
  op: "all" | "any",
  t: Tensor,
  dim: number | null | undefined,
  keepdim: boolean,
): Tensor {
  return runReduce(op, t, reduceDims(t, dim), keepdim, "bool");
}
P.all = function (this: Tensor, dim?: number | null, keepdim = false) {
  return boolReduce("all", this, dim, keepdim);
};
P.any = function (this: Tensor, dim?: number | null, keepdim = false) {
  return boolReduce("any", this, dim, keepdim);
};

function checkNonEmpty(t: Tensor, name: string, dim?: number): void {
  if (t.numel() !== 0) return;
  if (dim === undefined) {
    throw runtimeError(
      `${name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`,
    );
  }
  throw indexError(`${name}(): Expected reduction dim ${dim} to have non-zero size.`);
}

/** Full max/min: the gradient is shared evenly among all elements equal to the result. */
function fullExtreme(t: Tensor, op: "max" | "min"): Tensor {
  checkNonEmpty(t, op);
  const out = runReduce(op, t, reduceDims(t, null), false, t.dtype);
  recordOp(op === "max" ? "MaxBackward1" : "MinBackward1", [t], [out], (node) => {
    const sx = node.save(t);
    return ([g]) => {
      const x = sx.unpack();
      const mask = x.eq(out.expand(x.shape)).to(x.dtype);
      return [mask.mul((g as Tensor).div(mask.sum()))];
    };
  });
  return out;
}

/** max/min/argmax/argmin along one dim via the arg-reduce kernel on the last dim. */
function dimExtreme(
  t: Tensor,
  op: "max" | "min",
  dim: number,
  keepdim: boolean,
  wantValues: boolean,
): Values {
  const d = wrapDim(dim, t.ndim);
  // Only the reduced dim must be non-empty: max(dim=1) of a [0, 3] tensor is an empty result.
  if (t.ndim > 0 && t.shape[d] === 0) checkNonEmpty(t, op === "max" ? "max" : "min", d);
  const order = [...t.shape.map((_, i) => i).filter((i) => i !== d), ...(t.ndim > 0 ? [d] : [])];
  const src = {
    ...t.v(),
    shape: order.map((i) => t.shape[i] as number),
    strides: order.map((i) => t.strides[i] as number),
  };
  if (t.ndim === 0) {
    src.shape = [1];
    src.strides = [1];
  }
  const outShape = t.ndim === 0 ? [] : reducedShape(t.shape, [d], keepdim);
  const values = Tensor.empty(outShape, t.dtype, t.deviceType);
  const indices = Tensor.empty(outShape, "int64", t.deviceType);
  backendFor(t.deviceType).argReduce(
    op === "max" ? "argmax" : "argmin",
    src,
    wantValues ? values.v() : null,
    indices.v(),
  );
  if (wantValues) {
    const inShape = t.shape;
    recordOp(
      op === "max" ? "MaxBackward0" : "MinBackward0",
      [t],
      [values, indices],
      () =>
        ([g]) => {
          let gg = g as Tensor;
          let idx = indices;
          if (!keepdim && t.ndim > 0) {
            gg = gg.unsqueeze(d);
            idx = idx.unsqueeze(d);
          }
          const z = Tensor.empty(inShape, gg.dtype, gg.deviceType);
          backendFor(gg.deviceType).fill(z.v(), 0);
          return [t.ndim === 0 ? gg : z.scatter(d, idx, gg)];
        },
    );
  }
  return { values, indices };
}

function namedPair(r: Values): Values {
  return Object.assign([r.values, r.indices], r);
}

function extreme(op: "max" | "min") {
  return function (this: Tensor, dim?: number, keepdim?: boolean): never {
    const r =
      dim === undefined
        ? fullExtreme(this, op)
        : namedPair(dimExtreme(this, op, dim, keepdim ?? false, true));
    return r as never;
  };
}
P.max = extreme("max");
P.min = extreme("min");

P.argmax = function (this: Tensor, dim?: number | null, keepdim = false) {
  if (this.dtype === "bool") throw runtimeError(`"argmax_cpu" not implemented for 'Bool'`);
  if (dim === null || dim === undefined) {
    if (this.numel() === 0)
      throw indexError("argmax(): Expected reduction dim to be specified for input.numel() == 0.");
    return dimExtreme(this.reshape([-1]), "max", 0, false, false).indices;
  }
  return dimExtreme(this, "max", dim, keepdim, false).indices;
};
P.argmin = function (this: Tensor, dim?: number | null, keepdim = false) {
  if (this.dtype === "bool") throw runtimeError(`"argmin_cpu" not implemented for 'Bool'`);
  if (dim === null || dim === undefined) {
    if (this.numel() === 0)
      throw indexError("argmin(): Expected reduction dim to be specified for input.numel() == 0.");
    return dimExtreme(this.reshape([-1]), "min", 0, false, false).indices;
  }
  return dimExtreme(this, "min", dim, keepdim, false).indices;
};

function amaxmin(t: Tensor, op: "max" | "min", dim: DimArg, keepdim: boolean): Tensor {
  if (dim === undefined || dim === null || (Array.isArray(dim) && dim.length === 0))
    checkNonEmpty(t, op === "max" ? "amax" : "amin");
  const dims = reduceDims(t, dim);
  const out = runReduce(op, t, dims, keepdim, t.dtype);
  const inShape = t.shape;
  recordOp(op === "max" ? "AmaxBackward0" : "AminBackward0", [t], [out], (node) => {
    const sx = node.save(t);
    return ([g]) => {
      const x = sx.unpack();
      const o = expandBack(out, inShape, dims, keepdim);
      const mask = x.eq(o).to(x.dtype);
      const count = expandBack(mask.sum(dims, keepdim), inShape, dims, keepdim);
      return [
        expandBack(g as Tensor, inShape, dims, keepdim)
          .mul(mask)
          .div(count),
      ];
    };
  });
  return out;
}
P.amax = function (this: Tensor, dim?: DimArg, keepdim = false) {
  return amaxmin(this, "max", dim, keepdim);
};
P.amin = function (this: Tensor, dim?: DimArg, keepdim = false) {
  return amaxmin(this, "min", dim, keepdim);
};

/**
 * log(sum(exp(x))) over dims, as PyTorch 1.13 computes it: the max over the dims (set to 0
 * where it is infinite) is subtracted before exp and added back after log; an empty input is
 * log(sum(exp(x))). Integer inputs give the default float dtype. d/dx = g exp(x - result).
 */
P.logsumexp = function (this: Tensor, dim: DimArg, keepdim = false) {
  const x = isFloating(this.dtype) ? this : this.to(getDefaultDtype());
  const dims = reduceDims(x, dim);
  const out = noGrad(() => {
    if (x.numel() === 0) return x.exp().sum(dims, keepdim).log_();
    const maxes = x.amax(dims, true);
    maxes.masked_fill_(maxes.abs().eq(Number.POSITIVE_INFINITY), 0);
    const squeezed = keepdim ? maxes : maxes.reshape(reducedShape(x.shape, dims, false));
    return x.sub(maxes).exp_().sum(dims, keepdim).log_().add_(squeezed);
  });
  const inShape = x.shape;
  recordOp("LogsumexpBackward0", [x], [out], (node) => {
    const sx = node.save(x);
    const so = node.save(out);
    return ([g]) => {
      const r = expandBack(so.unpack(), inShape, dims, keepdim);
      return [expandBack(g as Tensor, inShape, dims, keepdim).mul(sx.unpack().sub(r).exp())];
    };
  });
  return out;
};

/** var with Bessel's correction by default; d var = g 2 (x - mean) / (N - correction). */
function variance(
  t: Tensor,
  dim: DimArg,
  correction: number,
  keepdim: boolean,
  sqrt: boolean,
): Tensor {
  if (!isFloating(t.dtype)) {
    throw runtimeError(`std and var only support floating point and complex dtypes`);
  }
  const dims = reduceDims(t, dim);
  const n = countOf(t.shape, dims);
  const out = noGrad(() => {
    // PyTorch's CPU kernels accumulate float32 variances in double (WelfordOps<float, double>;
    // a full reduction subtracts the float32 mean, std_var_all_cpu) and round once at the end.
    const wide = t.deviceType === "cpu" && t.dtype === "float32";
    const x = wide ? t.to("float64") : t;
    const full = dims.length === t.ndim;
    const mean = wide && full ? t.mean().to("float64") : x.mean(dims, true);
    const dev = x.sub(mean);
    let v = dev
      .mul(dev)
      .sum(dims, keepdim)
      .div(Math.max(n - correction, 0));
    if (sqrt) v = v.sqrt();
    return wide ? v.to(t.dtype) : v;
  });
  const inShape = t.shape;
  recordOp(sqrt ? "StdBackward0" : "VarBackward0", [t], [out], (node) => {
    const sx = node.save(t);
    return ([g]) => {
      const x = sx.unpack();
      const dev = x.sub(x.mean(dims, true));
      const gx = expandBack(g as Tensor, inShape, dims, keepdim);
      if (!sqrt) return [gx.mul(dev).mul(2 / (n - correction))];
      return [gx.mul(dev).div(expandBack(out, inShape, dims, keepdim).mul(n - correction))];
    };
  });
  return out;
}
P.var = function (this: Tensor, dim?: DimArg, correction = 1, keepdim = false) {
  return variance(this, dim, correction, keepdim, false);
};
P.std = function (this: Tensor, dim?: DimArg, correction = 1, keepdim = false) {
  return variance(this, dim, correction, keepdim, true);
};

/** p-norm over dims (default: 2-norm of everything); d ||x||_2 = g x / ||x|| (0 at 0). */
P.norm = function (this: Tensor, order: Scalar | "fro" | "nuc" = 2, dim?: DimArg, keepdim = false) {
  if (!isFloating(this.dtype)) {
    throw runtimeError(
      `norm(): input dtype should be either floating point or complex. Got ${typeName(this.dtype)} instead.`,
    );
  }
  if (order === "nuc") {
    throw notImplemented(
      "norm(p='nuc') needs singular values (torch.linalg.svd), which torchlit does not implement",
    );
  }
  // 'fro' is the 2-norm over the dims; Python passes an integral float order (2.0) as a PyFloat.
  const p = order === "fro" ? 2 : scalarValue(order);
  return pNorm(this, p, reduceDims(this, dim), keepdim, "NormBackward1");
};

/**
 * The p-norm of x over dims, recorded as `node` (NormBackward1 for Tensor.norm,
 * LinalgVectorNormBackward0 for torch.linalg.vector_norm): p = inf / -inf is the largest /
 * smallest |x|, p = 0 the count of non-zeros, else (sum |x|^p)^(1/p). Gradients:
 *   p = 2:    g x / ||x||  (0 where the norm is 0)
 *   p = 1:    g sign(x)
 *   p = +-inf: g sign(x) on the elements whose |x| is the norm (nan counts), shared among ties
 *   p = 0:    none (the input's .grad stays None, as in PyTorch)
 *   other p:  g x |x|^(p-2) / ||x||^(p-1)  (0 where the norm is 0)
 */
export function pNorm(
  x: Tensor,
  p: number,
  dims: readonly number[],
  keepdim: boolean,
  node: string,
): Tensor {
  // Over dims of size 1 PyTorch takes |x| itself (x != 0 for p = 0), not the formula: the
  // 2-norm of 1e30 is then 1e30, not sqrt(inf).
  const trivial = dims.every((d) => (x.shape[d] ?? 1) === 1);
  const be = backendFor(x.deviceType);
  const out = noGrad(() => {
    if (!trivial && (p === 1 || p === 2) && x.dtype === "float32" && be.vectorNorm) {
      // The backend's own kernel (on the CPU, PyTorch's order: cpu/prod-norm.ts).
      const kernel = be.vectorNorm.bind(be, p);
      return runKernel(x, dims, keepdim, x.dtype, false, kernel);
    }
    const a = x.abs();
    if (trivial) {
      const r = (p === 0 ? x.ne(0).to(x.dtype) : a).reshape(reducedShape(x.shape, dims, keepdim));
      return new Tensor(r.storage, r.shape, r.strides, r.offset);
    }
    if (p === Number.POSITIVE_INFINITY) return a.amax(dims, keepdim);
    if (p === Number.NEGATIVE_INFINITY) return a.amin(dims, keepdim);
    if (p === 0) return a.ne(0).sum(dims, keepdim).to(x.dtype);
    if (p === 1) return a.sum(dims, keepdim);
    if (p === 2) return a.mul(a).sum(dims, keepdim).sqrt();
    return a
      .pow(p)
      .sum(dims, keepdim)
      .pow(1 / p);
  });
  const inShape = x.shape;
  recordOp(node, [x], [out], (n) => {
    const sx = n.save(x);
    return ([g]) => {
      const xv = sx.unpack();
      const gx = expandBack(g as Tensor, inShape, dims, keepdim);
      const o = expandBack(out, inShape, dims, keepdim);
      if (p === 0) return [null]; // PyTorch's rule returns no gradient: .grad stays None
      if (p === 1) return [gx.mul(xv.sign())];
      if (p === Number.POSITIVE_INFINITY || p === Number.NEGATIVE_INFINITY) {
        const ax = xv.abs();
        const mask = ax.eq(o).logical_or(ax.isnan()).to(xv.dtype);
        const count = expandBack(mask.sum(dims, keepdim), inShape, dims, keepdim);
        return [xv.sign().mul(gx.div(count)).mul(mask)];
      }
      if (p === 2) return [gx.mul(xv).div(o).masked_fill(o.eq(0), 0)];
      return [
        gx
          .mul(xv)
          .mul(xv.abs().pow(p - 2))
          .div(o.pow(p - 1))
          .masked_fill(o.eq(0), 0),
      ];
    };
  });
  return out;
}

function cumulative(t: Tensor, op: "cumsum" | "cumprod", dim: number): Tensor {
  const d = wrapDim(dim, t.ndim);
  const dtype: DType = isFloating(t.dtype) ? t.dtype : "int64";
  const out = Tensor.empty(t.shape, dtype, t.deviceType);
  if (t.ndim === 0) {
    backendFor(t.deviceType).copy(t.v(), out.v());
    return out;
  }
  const order = [...t.shape.map((_, i) => i).filter((i) => i !== d), d];
  const perm = (v: ReturnType<Tensor["v"]>) => ({
    ...v,
    shape: order.map((i) => v.shape[i] as number),
    strides: order.map((i) => v.strides[i] as number),
  });
  let src = t;
  if (t.dtype !== dtype) src = noGrad(() => t.to(dtype));
  backendFor(t.deviceType).cumulative(op, perm(src.v()), perm(out.v()));
  if (op === "cumsum") {
    // Reverse cumulative sum of g: total - cumsum(g) + g.
    recordOp("CumsumBackward0", [t], [out], () => ([g]) => {
      const gg = g as Tensor;
      return [gg.sum(d, true).sub(gg.cumsum(d)).add(gg)];
    });
  } else {
    recordOp("CumprodBackward0", [t], [out], (node) => {
      const sx = node.save(t);
      return ([g]) => {
        // d cumprod_j / d x_i = cumprod_j / x_i for j >= i (no zeros), summed over j.
        const x = sx.unpack();
        const gy = (g as Tensor).mul(out);
        const rev = gy.sum(d, true).sub(gy.cumsum(d)).add(gy);
        return [rev.div(x)];
      };
    });
  }
  return out;
}
P.cumsum = function (this: Tensor, dim: number) {
  return cumulative(this, "cumsum", dim);
};
P.cumprod = function (this: Tensor, dim: number) {
  return cumulative(this, "cumprod", dim);
};

/**
 * `torch.bincount(input, weights=None, minlength=0)`: how often each value of a 1-D tensor of
 * non-negative integers occurs (int64), or the sum of its weights, added in order as PyTorch's
 * CPU kernel does (float32 weights in float32, any other in float64). Reads its input on the host.
 */
P.bincount = function (this: Tensor, weights: Tensor | null = null, minlength = 0) {
  if (this.dtype !== "int64" && this.dtype !== "int32") {
    throw runtimeError(`"bincount_cpu" not implemented for '${typeName(this.dtype)}'`);
  }
  if (minlength < 0) throw runtimeError("minlength should be >= 0");
  if (this.ndim === 1 && this.numel() === 0) {
    return Tensor.fromArray(new Float64Array(minlength), [minlength], "int64", this.deviceType);
  }
  const values = this.ndim === 1 ? this.contiguous().dataSync() : null;
  let top = -1;
  if (values !== null) for (const v of values) top = Math.max(top, v as number);
  if (values === null || values.some((v) => (v as number) < 0)) {
    throw runtimeError("bincount only supports 1-d non-negative integral inputs.");
  }
  if (weights !== null && (weights.ndim !== 1 || weights.shape[0] !== this.shape[0])) {
    throw runtimeError("weights should be 1-d and have the same length as input");
  }
  const bins = Math.max(minlength, top + 1);
  const out = new Float64Array(bins);
  const w = weights === null ? null : weights.contiguous().dataSync();
  const single = weights?.dtype === "float32";
  for (let i = 0; i < values.length; i++) {
    const b = values[i] as number;
    if (w === null) out[b] = (out[b] as number) + 1;
    else {
      const sum = (out[b] as number) + Number(w[i]);
      out[b] = single ? Math.fround(sum) : sum;
    }
  }
  const dtype = weights === null ? "int64" : single ? "float32" : "float64";
  return Tensor.fromArray(out, [bins], dtype, this.deviceType);
};

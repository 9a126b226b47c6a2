// Factory functions: tensor() from nested arrays (with dtype inference and ragged-input errors),
// zeros/ones/full/empty/eye/arange/linspace and their *_like forms. Random factories live in
// random-ops.ts. Every factory returns a fresh contiguous leaf.

import { backendFor } from "../backend/registry.ts";
import type { DeviceType } from "../backend/storage.ts";
import { castValue, type DType, getDefaultDtype, isFloating, PyFloat } from "../core/dtype.ts";
import { runtimeError, typeError, valueError } from "../core/errors.ts";
import { preservedStrides, sameShape } from "../core/shape.ts";
import { fmaF32, fmaF64 } from "../random/float-ops.ts";
import { Tensor } from "../tensor.ts";
import { type ShapeArg, shapeArgs } from "./views.ts";

export interface FactoryOptions {
  dtype?: DType;
  device?: DeviceType;
  requiresGrad?: boolean;
}

export type NestedData = number | boolean | PyFloat | Tensor | readonly NestedData[];

function finish(t: Tensor, opts: FactoryOptions | undefined): Tensor {
  if (opts?.requiresGrad) t.requiresGrad = true;
  return t;
}

/** torch.tensor(data): infers shape and dtype (bool < int64 < default float), always copies. */
export function tensor(data: NestedData, opts?: FactoryOptions): Tensor {
  if (data instanceof Tensor) {
    const c = data.detach().to(opts?.dtype ?? data.dtype, true);
    return finish(opts?.device ? c.to(opts.device) : c, opts);
  }
  const shape: number[] = [];
  let probe: NestedData = data;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0] as NestedData;
  }
  if (probe instanceof Tensor) {
    throw valueError("only one element tensors can be converted to Python scalars");
  }
  const flat: number[] = [];
  let sawFloat = false;
  let sawInt = false;
  let sawBool = false;
  const walk = (x: NestedData, d: number): void => {
    if (d === shape.length) {
      if (Array.isArray(x))
        throw valueError(
          `expected sequence of length ${shape[d - 1]} at dim ${d - 1} (got ${x.length})`,
        );
      if (typeof x === "boolean") {
        sawBool = true;
        flat.push(x ? 1 : 0);
      } else if (typeof x === "number") {
        if (Number.isInteger(x)) sawInt = true;
        else sawFloat = true;
        flat.push(x);
      } else if (x instanceof PyFloat) {
        sawFloat = true;
        flat.push(x.value);
      } else if (x instanceof Tensor) {
        if (x.numel() !== 1)
          throw valueError("only one element tensors can be converted to Python scalars");
        if (isFloating(x.dtype)) sawFloat = true;
        else if (x.dtype === "bool") sawBool = true;
        else sawInt = true;
        flat.push(Number(x.item()));
      } else {
        throw typeError(`new(): invalid data type '${typeof x}'`);
      }
      return;
    }
    if (!Array.isArray(x))
      throw typeError(
        `object of type '${typeof x === "number" ? (Number.isInteger(x) ? "int" : "float") : typeof x}' has no len()`,
      );
    if (x.length !== shape[d])
      throw valueError(`expected sequence of length ${shape[d]} at dim ${d} (got ${x.length})`);
    for (const e of x) walk(e, d + 1);
  };
  walk(data, 0);
  const inferred: DType = sawFloat
    ? getDefaultDtype()
    : sawInt
      ? "int64"
      : sawBool
        ? "bool"
        : getDefaultDtype();
  return finish(
    Tensor.fromArray(flat, shape, opts?.dtype ?? inferred, opts?.device ?? "cpu"),
    opts,
  );
}

/** A tensor whose dtype comes from a Python-side hint (e.g. 1.0 is a float even if integral). */
export function tensorWithDtype(
  flat: ArrayLike<number>,
  shape: readonly number[],
  dtype: DType,
  opts?: FactoryOptions,
): Tensor {
  return finish(Tensor.fromArray(flat, shape, dtype, opts?.device ?? "cpu"), opts);
}

export function full(
  shape: readonly number[],
  fillValue: number | boolean | PyFloat,
  opts?: FactoryOptions,
): Tensor {
  const isFloat = fillValue instanceof PyFloat;
  const value = isFloat ? fillValue.value : fillValue;
  const dtype =
    opts?.dtype ??
    (typeof value === "boolean"
      ? "bool"
      : Number.isInteger(value) && !isFloat
        ? "int64"
        : getDefaultDtype());
  for (const s of shape)
    if (s < 0)
      throw runtimeError(
        `Trying to create tensor with negative dimension ${s}: [${shape.join(", ")}]`,
      );
  const t = Tensor.empty(shape, dtype, opts?.device ?? "cpu");
  backendFor(t.deviceType).fill(
    t.v(),
    castValue(typeof value === "boolean" ? (value ? 1 : 0) : value, dtype),
  );
  return finish(t, opts);
}

export const zeros = (shape: ShapeArg[] | readonly number[], opts?: FactoryOptions): Tensor =>
  full(shapeArgs(shape as ShapeArg[]), 0, { dtype: getDefaultDtype(), ...opts });
export const ones = (shape: ShapeArg[] | readonly number[], opts?: FactoryOptions): Tensor =>
  full(shapeArgs(shape as ShapeArg[]), 1, { dtype: getDefaultDtype(), ...opts });
export function empty(shape: ShapeArg[] | readonly number[], opts?: FactoryOptions): Tensor {
  return zeros(shape, opts);
}

const likeOpts = (t: Tensor, opts?: FactoryOptions): FactoryOptions => ({
  dtype: t.dtype,
  device: t.deviceType,
  ...opts,
});
/** A *_like result: t's shape and layout (PyTorch's preserve_format), filled with `value`. */
function fullLike(t: Tensor, value: number | boolean | PyFloat, opts?: FactoryOptions): Tensor {
  const o = likeOpts(t, opts);
  const r = full(t.shape, value, o);
  const strides = preservedStrides(t.shape, t.strides);
  // Every element holds the same value, so the storage is reused under the preserved strides.
  if (sameShape(strides, r.strides)) return r;
  return finish(new Tensor(r.storage, r.shape, strides, 0), o);
}
export const zeros_like = (t: Tensor, opts?: FactoryOptions): Tensor => fullLike(t, 0, opts);
export const ones_like = (t: Tensor, opts?: FactoryOptions): Tensor => fullLike(t, 1, opts);
export const empty_like = (t: Tensor, opts?: FactoryOptions): Tensor => fullLike(t, 0, opts);
export const full_like = (
  t: Tensor,
  value: number | boolean | PyFloat,
  opts?: FactoryOptions,
): Tensor => fullLike(t, value, opts);

/** torch.eye(n, m?, opts): `m` may be left out with options second, as eye(3, {dtype}). */
export function eye(n: number, m?: number | FactoryOptions, opts?: FactoryOptions): Tensor {
  if (typeof m === "object") return eye(n, undefined, m);
  const cols = m ?? n;
  if (n < 0) throw runtimeError(`n must be greater or equal to 0, got ${n}`);
  const data = new Float64Array(n * cols);
  for (let i = 0; i < Math.min(n, cols); i++) data[i * cols + i] = 1;
  return finish(
    Tensor.fromArray(data, [n, cols], opts?.dtype ?? getDefaultDtype(), opts?.device ?? "cpu"),
    opts,
  );
}

/**
 * torch.arange(start, end, step): int64 when all arguments are integers, else the default float.
 * `anyFloat` lets the Python layer say that an integral argument was written as a float (1.0).
 */
export function arange(
  start: number,
  end?: number,
  step = 1,
  opts?: FactoryOptions & { anyFloat?: boolean },
): Tensor {
  let s = start;
  let e = end;
  if (e === undefined) {
    e = s;
    s = 0;
  }
  if (step === 0) throw runtimeError("step must be nonzero");
  if ((step > 0 && e < s) || (step < 0 && e > s))
    throw runtimeError("upper bound and larger bound inconsistent with step sign");
  const allInt =
    !opts?.anyFloat && Number.isInteger(s) && Number.isInteger(e) && Number.isInteger(step);
  const dtype = opts?.dtype ?? (allInt ? "int64" : getDefaultDtype());
  const n = Math.ceil((e - s) / step);
  // RangeFactoriesKernel.cpp's arange_kernel: start and step in acc_type (double for floats),
  // element idx = start + step * idx, but a vector's lanes are its first element, rounded to
  // the dtype, plus k * step (Vectorized<T>::arange), each multiply-add fused (contracted by
  // the compiler in PyTorch's AVX2 build, which linspace's lanes are not: fixtures decide).
  const first = s;
  const out = rangeFill(
    n,
    dtype,
    (idx) => fmaF64(step, idx, first),
    (base, k) => fmaF64(k, step, base),
  );
  return finish(Tensor.fromArray(out, [n], dtype, opts?.device ?? "cpu"), opts);
}

/**
 * torch.linspace as PyTorch 1.13's CPU kernel computes it (RangeFactoriesKernel.cpp,
 * linspace_kernel): start, end and step in the dtype (double for integer dtypes), the first
 * half counted up from start and the rest down from end, each vector of lanes made from its
 * first element as Vectorized<T>::arange(base, step) does; the scalar expressions' multiply-adds
 * are fused, the lanes' are not (as PyTorch's AVX2 build compiles them).
 */
export function linspace(start: number, end: number, steps: number, opts?: FactoryOptions): Tensor {
  if (steps < 0) throw runtimeError("number of steps must be non-negative");
  const dtype = opts?.dtype ?? getDefaultDtype();
  if (steps === 1) return full([1], start, { ...opts, dtype });
  const f32 = dtype === "float32";
  const r = f32 ? Math.fround : (v: number) => v;
  const fma = f32 ? fmaF32 : fmaF64;
  const lo = isFloating(dtype) ? r(start) : Math.trunc(start);
  const hi = isFloating(dtype) ? r(end) : Math.trunc(end);
  const step = r(r(hi - lo) / r(steps - 1));
  const half = Math.floor(steps / 2);
  const out = rangeFill(
    steps,
    dtype,
    (idx) => (idx < half ? fma(step, r(idx), lo) : fma(-step, r(steps - idx - 1), hi)),
    (base, k) => base + r(k * step),
  );
  return finish(Tensor.fromArray(out, [steps], dtype, opts?.device ?? "cpu"), opts);
}

/** AVX2 lanes per vector, as Vectorized<T>::size() on the machines PyTorch's fixtures come from. */
const LANES: Record<DType, number> = { float32: 8, float64: 4, int64: 4, int32: 8, bool: 32 };

/**
 * cpu_serial_kernel_vec over a nullary op on one thread (ATen's vectorized_loop): two vectors at
 * a time while two fit, lane k of a vector being vector(base, k) with base the scalar value at
 * its first index rounded to the dtype; then scalar(idx) for each element of the tail. Values
 * are rounded to the dtype as they are stored (truncated for integers). PyTorch splits ranges
 * of 32768 elements or more over threads, each part starting its own vectors: this is the
 * one-thread order.
 */
function rangeFill(
  n: number,
  dtype: DType,
  scalar: (idx: number) => number,
  vector: (base: number, k: number) => number,
): Float64Array {
  const store =
    dtype === "float32" ? Math.fround : isFloating(dtype) ? (v: number) => v : Math.trunc;
  const lanes = LANES[dtype];
  const out = new Float64Array(n);
  let i = 0;
  for (; i + 2 * lanes <= n; i += 2 * lanes) {
    for (const at of [i, i + lanes]) {
      const base = store(scalar(at));
      for (let k = 0; k < lanes; k++) out[at + k] = store(vector(base, k));
    }
  }
  for (; i < n; i++) out[i] = store(scalar(i));
  return out;
}

// Tensor.new_*: factories that take their dtype and device from an existing tensor (not its
// requires_grad, nor its layout: the result is a fresh contiguous leaf).
declare module "../tensor.ts" {
  interface Tensor {
    new_tensor(data: NestedData, opts?: FactoryOptions): Tensor;
    new_zeros(size: readonly number[], opts?: FactoryOptions): Tensor;
    new_ones(size: readonly number[], opts?: FactoryOptions): Tensor;
    new_empty(size: readonly number[], opts?: FactoryOptions): Tensor;
    new_full(
      size: readonly number[],
      fillValue: number | boolean | PyFloat,
      opts?: FactoryOptions,
    ): Tensor;
  }
}

const newOpts = (t: Tensor, opts?: FactoryOptions): FactoryOptions => ({
  dtype: t.dtype,
  device: t.deviceType,
  ...opts,
});
const P = Tensor.prototype;
/** new_tensor always copies, in self's dtype unless told otherwise (even for integer data). */
P.new_tensor = function (this: Tensor, data: NestedData, opts?: FactoryOptions) {
  return tensor(data, newOpts(this, opts));
};
P.new_zeros = function (this: Tensor, size: readonly number[], opts?: FactoryOptions) {
  return full(size, 0, newOpts(this, opts));
};
P.new_ones = function (this: Tensor, size: readonly number[], opts?: FactoryOptions) {
  return full(size, 1, newOpts(this, opts));
};
P.new_empty = function (this: Tensor, size: readonly number[], opts?: FactoryOptions) {
  return full(size, 0, newOpts(this, opts));
};
P.new_full = function (
  this: Tensor,
  size: readonly number[],
  fillValue: number | boolean | PyFloat,
  opts?: FactoryOptions,
) {
  return full(size, fillValue, newOpts(this, opts));
};

// Shared plumbing for ops: turning tensors and scalars into kernel views of a given dtype and
// shape, allocating results, the in-place protocol (version bump, leaf checks, history rebase)
// and the reduce-to-shape step every broadcasting op's backward must take.

import { isGradEnabled, noGrad } from "../autograd/grad-mode.ts";
import type { View } from "../backend/backend.ts";
import { castValue, type DType, type Operand, type Scalar, scalarValue } from "../core/dtype.ts";
import { runtimeError, typeError } from "../core/errors.ts";
import { expandStrides, sameShape } from "../core/shape.ts";
import type { DeviceType } from "../core/storage.ts";
import { Tensor } from "../tensor.ts";

export type TensorLike = Tensor | Scalar;

export const isTensor = (x: unknown): x is Tensor => x instanceof Tensor;

export const operandOf = (x: TensorLike): Operand =>
  isTensor(x) ? { kind: "tensor", dtype: x.dtype, ndim: x.ndim } : { kind: "scalar", value: x };

/** The device shared by the tensor operands, with PyTorch's device-mismatch error. */
export function commonDevice(xs: readonly TensorLike[]): DeviceType {
  let dev: DeviceType | null = null;
  let devName = "";
  for (const x of xs) {
    if (!isTensor(x)) continue;
    // Zero-dim CPU tensors may join a GPU op, as in PyTorch.
    if (dev !== null && x.deviceType !== dev && !(x.deviceType === "cpu" && x.ndim === 0)) {
      if (dev === "cpu" && devName === "cpu-scalar") {
        dev = x.deviceType;
        devName = x.device;
        continue;
      }
      throw runtimeError(
        `Expected all tensors to be on the same device, but found at least two devices, ${devName === "cpu-scalar" ? "cpu" : devName} and ${x.device}!`,
      );
    }
    if (dev === null) {
      dev = x.deviceType;
      devName = x.deviceType === "cpu" && x.ndim === 0 ? "cpu-scalar" : x.device;
    }
  }
  return dev ?? "cpu";
}

/** A temporary one-element buffer broadcast to `shape` (not counted as an allocation). */
export function scalarView(
  v: number,
  dtype: DType,
  shape: readonly number[],
  device: DeviceType,
): View {
  const t = Tensor.empty([], dtype, device, false);
  t.storage.backend.fill(t.v(), castValue(v, dtype));
  return { ...t.v(), shape, strides: shape.map(() => 0) };
}

/** A tensor's view in `dtype` (cast into a temporary when needed) broadcast to `shape`. */
export function operandView(
  x: TensorLike,
  dtype: DType,
  shape: readonly number[],
  device: DeviceType,
): View {
  if (!isTensor(x)) return scalarView(scalarValue(x), dtype, shape, device);
  let t = x;
  if (t.deviceType !== device) t = toDevice(t, device);
  let v = t.v();
  if (t.dtype !== dtype) {
    const tmp = Tensor.empty(t.shape, dtype, device, false);
    tmp.storage.backend.copy(v, tmp.v());
    v = tmp.v();
  }
  if (sameShape(v.shape, shape)) return v;
  return { ...v, shape, strides: expandStrides(v.shape, v.strides, shape) };
}

/** Moves a zero-dim CPU tensor to another device for use as an operand. */
function toDevice(t: Tensor, device: DeviceType): Tensor {
  const out = Tensor.empty(t.shape, t.dtype, device, false);
  out.storage.backend.upload(out.storage.buffer, t.dataSync());
  return out;
}

/** Checks that `out` (or self, in place) can receive a result of this dtype and shape. */
export function checkOut(
  out: Tensor,
  dtype: DType,
  shape: readonly number[],
  inPlace: boolean,
  canCastFn: (a: DType, b: DType) => boolean,
): void {
  if (!canCastFn(dtype, out.dtype)) {
    throw runtimeError(
      `result type ${typeName(dtype)} can't be cast to the desired output type ${typeName(out.dtype)}`,
    );
  }
  if (!sameShape(out.shape, shape)) {
    if (inPlace) {
      throw runtimeError(
        `output with shape [${out.shape.join(", ")}] doesn't match the broadcast shape [${shape.join(", ")}]`,
      );
    }
    throw runtimeError(
      `out= with shape [${out.shape.join(", ")}] does not match the result shape [${shape.join(", ")}]; torchlit does not resize out= tensors`,
    );
  }
}

/** ScalarType names as PyTorch prints them in cast errors. */
export function typeName(d: DType): string {
  return { float32: "Float", float64: "Double", int64: "Long", int32: "Int", bool: "Bool" }[d];
}

/**
 * The in-place protocol. Without grad tracking, `write` fills self directly. With it, the op is
 * computed out of place on a graph alias of self (a clone when the backward needs self's old
 * values), copied in, and self takes the new node as its grad_fn (PyTorch's rebase_history).
 */
export function inPlace(
  self: Tensor,
  others: readonly TensorLike[],
  needsOldSelf: boolean,
  write: () => void,
  outOfPlace: (selfAlias: Tensor) => Tensor,
): Tensor {
  const tracked =
    isGradEnabled() && (self.requiresGrad || others.some((o) => isTensor(o) && o.requiresGrad));
  if (!tracked) {
    write();
    self.bumpVersion();
    return self;
  }
  checkInPlaceAllowed(self);
  if (self.base?.requiresGrad) {
    throw runtimeError(
      "in-place operations on a view of a tensor that requires grad are not supported by torchlit yet",
    );
  }
  const alias = needsOldSelf
    ? noGrad(() => self.clone())
    : new Tensor(self.storage, self.shape, self.strides, self.offset);
  alias.gradFn = self.gradFn;
  alias.outputNr = self.outputNr;
  if (self.gradFn === null && self.requiresGrad) alias.requiresGrad = true;
  const r = outOfPlace(alias);
  noGrad(() => self.storage.backend.copy(r.v(), self.v()));
  self.bumpVersion();
  self.gradFn = r.gradFn;
  self.outputNr = r.outputNr;
  return self;
}

export function checkInPlaceAllowed(self: Tensor): void {
  if (!isGradEnabled()) return;
  if (self.isLeaf && self.requiresGrad) {
    throw runtimeError(
      "a leaf Variable that requires grad is being used in an in-place operation.",
    );
  }
  if (self.base?.isLeaf && self.base.requiresGrad) {
    throw runtimeError(
      "a view of a leaf Variable that requires grad is being used in an in-place operation.",
    );
  }
}

/**
 * Sums a broadcast gradient back to `shape`: over leading dims and over dims where shape is 1.
 * Every broadcasting op's backward ends here (forgetting it is the classic autograd bug).
 */
export function sumToShape(g: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(g.shape, shape)) return g;
  const lead = g.ndim - shape.length;
  const dims: number[] = [];
  for (let i = 0; i < g.ndim; i++) {
    if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) dims.push(i);
  }
  let r = dims.length > 0 ? g.sum(dims, true) : g;
  if (lead > 0 || !sameShape(r.shape, shape)) r = r.reshape(shape);
  return r;
}

export function requireTensor(x: unknown, what: string): Tensor {
  if (!isTensor(x)) throw typeError(`${what} must be Tensor, not ${typeof x}`);
  return x;
}

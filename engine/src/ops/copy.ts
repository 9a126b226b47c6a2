// Ops that copy or re-type data: clone, contiguous, to(dtype/device), copy_, detach and the
// .data alias. Copies allocate one new storage; detach and .data share storage.

import { recordOp } from "../autograd/record.ts";
import { backendFor } from "../backend/registry.ts";
import type { DeviceType } from "../backend/storage.ts";
import { castValue, type DType, isFloating } from "../core/dtype.ts";
import { runtimeError } from "../core/errors.ts";
import { broadcastShapes, expandStrides, preservedStrides, sameShape } from "../core/shape.ts";
import { Tensor } from "../tensor.ts";
import { inPlace, isTensor, sumToShape } from "./helpers.ts";

declare module "../tensor.ts" {
  interface Tensor {
    clone(): Tensor;
    contiguous(): Tensor;
    detach(): Tensor;
    detach_(): Tensor;
    /** The `.data` alias: shares storage, no history, requires_grad False. */
    dataAlias(): Tensor;
    to(target: DType | DeviceType, copy?: boolean): Tensor;
    /** to() that also moves data off a device that reads asynchronously (GPU to CPU). */
    toAsync(target: DType | DeviceType): Promise<Tensor>;
    copy_(src: Tensor): Tensor;
    fill_(value: number | boolean): Tensor;
    zero_(): Tensor;
    float(): Tensor;
    double(): Tensor;
    long(): Tensor;
    int(): Tensor;
    bool(): Tensor;
    cpu(): Tensor;
    cuda(): Tensor;
  }
}

/**
 * A copy with the same dtype in the same memory layout (PyTorch's preserve_format: a transposed
 * dense tensor clones transposed); CloneBackward0 passes the gradient through.
 */
Tensor.prototype.clone = function (this: Tensor) {
  const out = emptyLike(this);
  backendFor(this.deviceType).copy(this.v(), out.v());
  recordOp("CloneBackward0", [this], [out], () => ([g]) => [g as Tensor]);
  return out;
};

/** A row-major copy whatever the input's layout (clone(memory_format=contiguous)). */
export function contiguousClone(t: Tensor): Tensor {
  const out = Tensor.empty(t.shape, t.dtype, t.deviceType);
  backendFor(t.deviceType).copy(t.v(), out.v());
  recordOp("CloneBackward0", [t], [out], () => ([g]) => [g as Tensor]);
  return out;
}

Tensor.prototype.contiguous = function (this: Tensor) {
  return this.isContiguous() ? this : contiguousClone(this);
};

// detach shares storage (and so the version counter) but is no view: PyTorch's `_base` is None,
// and an in-place op on it must not count as writing into a view of a leaf.
Tensor.prototype.detach = function (this: Tensor) {
  return new Tensor(this.storage, this.shape, this.strides, this.offset, null);
};
Tensor.prototype.dataAlias = function (this: Tensor) {
  // x.data: the same storage with a version counter of its own (writes through it are not
  // tracked by autograd, as in PyTorch), and no history.
  const t = new Tensor(this.storage, this.shape, this.strides, this.offset, null);
  t.ownVersion = { value: 0 };
  return t;
};
Tensor.prototype.detach_ = function (this: Tensor) {
  this.gradFn = null;
  this.requiresGrad = false;
  return this;
};

/** An uninitialised tensor like `t` (dtype, device, preserved layout). */
export function emptyLike(
  t: Tensor,
  dtype: DType = t.dtype,
  device: DeviceType = t.deviceType,
): Tensor {
  const c = Tensor.empty(t.shape, dtype, device);
  const strides = preservedStrides(t.shape, t.strides);
  return sameShape(strides, c.strides) ? c : new Tensor(c.storage, c.shape, strides, 0);
}

const DEVICES = new Set(["cpu", "cuda"]);

/** to(dtype) / to(device): returns self when nothing changes, else a copy (ToCopyBackward0). */
Tensor.prototype.to = function (this: Tensor, target: DType | DeviceType, copy = false) {
  const toDevice = DEVICES.has(target);
  const dtype = toDevice ? this.dtype : (target as DType);
  const device = toDevice ? (target as DeviceType) : this.deviceType;
  if (!copy && dtype === this.dtype && device === this.deviceType) return this;
  // _to_copy keeps the layout (preserve_format) on the same device; a cross-device copy is
  // uploaded row-major.
  const out =
    device === this.deviceType
      ? emptyLike(this, dtype, device)
      : Tensor.empty(this.shape, dtype, device);
  if (device === this.deviceType) backendFor(device).copy(this.v(), out.v());
  else if (this.deviceType === "cpu")
    backendFor(device).upload(out.storage.buffer, this.contiguous().to(dtype).dataSync());
  else
    throw runtimeError(
      "cross-device copy from a GPU tensor must be awaited: use `await t.toAsync(device)`",
    );
  if (isFloating(dtype)) {
    const srcDtype = this.dtype;
    const srcDevice = this.deviceType;
    recordOp("ToCopyBackward0", [this], [out], (node) => {
      if (srcDevice === "cpu" && device !== "cpu") {
        // The gradient comes back from the GPU: a read, so the engine awaits this node.
        node.setBackwardAsync(async ([g]) => [(await (g as Tensor).toAsync("cpu")).to(srcDtype)]);
        return () => {
          throw runtimeError("ToCopyBackward0 from a GPU must be awaited (runBackwardAsync)");
        };
      }
      return ([g]) => [(g as Tensor).to(srcDtype).to(srcDevice)];
    });
  }
  return out;
};

Tensor.prototype.float = function (this: Tensor) {
  return this.to("float32");
};
Tensor.prototype.double = function (this: Tensor) {
  return this.to("float64");
};
Tensor.prototype.long = function (this: Tensor) {
  return this.to("int64");
};
Tensor.prototype.int = function (this: Tensor) {
  return this.to("int32");
};
Tensor.prototype.bool = function (this: Tensor) {
  return this.to("bool");
};
Tensor.prototype.cpu = function (this: Tensor) {
  return this.to("cpu");
};
Tensor.prototype.cuda = function (this: Tensor) {
  return this.to("cuda");
};

/** copy_(src): writes src (broadcast, cast) into self in place. */
Tensor.prototype.copy_ = function (this: Tensor, src: Tensor) {
  if (!isTensor(src)) throw runtimeError("copy_(): argument 'other' must be Tensor");
  // src broadcasts to self, never self to src: the broadcast shape must be self's.
  const shape = broadcastShapes(this.shape, src.shape);
  if (!sameShape(shape, this.shape)) {
    throw runtimeError(
      `output with shape [${this.shape.join(", ")}] doesn't match the broadcast shape [${shape.join(", ")}]`,
    );
  }
  const strides = sameShape(src.shape, this.shape)
    ? src.strides
    : expandStrides(src.shape, src.strides, this.shape);
  return inPlace(
    this,
    [src],
    false,
    () => backendFor(this.deviceType).copy({ ...src.v(), shape: this.shape, strides }, this.v()),
    (alias) => {
      // d copy_(self, src) = (0, g summed to src's shape).
      const out = Tensor.empty(this.shape, this.dtype, this.deviceType);
      backendFor(this.deviceType).copy({ ...src.v(), shape: this.shape, strides }, out.v());
      recordOp("CopyBackwards", [alias, src], [out], () => ([g]) => [
        (g as Tensor).mul(0),
        sumToShape(g as Tensor, src.shape).to(src.dtype),
      ]);
      return out;
    },
  );
};

Tensor.prototype.fill_ = function (this: Tensor, value: number | boolean) {
  // Stored as the dtype would hold it: fill_(2.7) on an int64 tensor writes 2.
  const v = castValue(typeof value === "boolean" ? (value ? 1 : 0) : value, this.dtype);
  return inPlace(
    this,
    [],
    false,
    () => backendFor(this.deviceType).fill(this.v(), v),
    (alias) => {
      const out = Tensor.empty(this.shape, this.dtype, this.deviceType);
      backendFor(this.deviceType).fill(out.v(), v);
      recordOp("FillBackward0", [alias], [out], () => ([g]) => [(g as Tensor).mul(0)]);
      return out;
    },
  );
};
Tensor.prototype.zero_ = function (this: Tensor) {
  return this.fill_(0);
};

Tensor.prototype.toAsync = async function (this: Tensor, target: DType | DeviceType) {
  if (target !== "cpu" || this.deviceType === "cpu") return this.to(target);
  const host = await this.data();
  const out = Tensor.fromArray(host, this.shape, this.dtype, "cpu");
  recordOp("ToCopyBackward0", [this], [out], () => ([g]) => [(g as Tensor).to(this.deviceType)]);
  return out;
};

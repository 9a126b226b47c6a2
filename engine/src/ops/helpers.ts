// Shared plumbing for ops: turning tensors and scalars into kernel views of a given dtype and
// shape, allocating results, the in-place protocol (version bump, leaf checks, history rebase,
// CopySlices for in-place ops on views) and the reduce-to-shape step every broadcasting op's backward must take.

import { runBackward } from "../autograd/engine.ts";
import { isGradEnabled, noGrad } from "../autograd/grad-mode.ts";
import { Node } from "../autograd/node.ts";
import { bumpHistory, refreshView, setViewRefresher, stampView } from "../autograd/view-history.ts";
import type { View } from "../backend/backend.ts";
import { backendFor } from "../backend/registry.ts";
import type { DeviceType } from "../backend/storage.ts";
import {
  castValue,
  type DType,
  isFloating,
  type Operand,
  type Scalar,
  scalarValue,
} from "../core/dtype.ts";
import { runtimeError, typeError } from "../core/errors.ts";
import { type Geometry, iteratorLayout } from "../core/layout.ts";
import { expandStrides, sameShape } from "../core/shape.ts";
import { Tensor } from "../tensor.ts";

export type TensorLike = Tensor | Scalar;

export const isTensor = (x: unknown): x is Tensor => x instanceof Tensor;

export const operandOf = (x: TensorLike): Operand =>
  isTensor(x) ? { kind: "tensor", dtype: x.dtype, ndim: x.ndim } : { kind: "scalar", value: x };

/**
 * The device shared by the tensor operands, with PyTorch's device-mismatch error. As in
 * TensorIterator, the common device is the first non-CPU one (so the message names the GPU
 * first, whatever the operand order), and 0-dim CPU tensors may join a GPU op.
 */
export function commonDevice(xs: readonly TensorLike[]): DeviceType {
  const tensors = xs.filter(isTensor);
  const gpu = tensors.find((x) => x.deviceType !== "cpu");
  if (gpu === undefined) return "cpu";
  for (const x of tensors) {
    if (x.deviceType === gpu.deviceType || (x.deviceType === "cpu" && x.ndim === 0)) continue;
    throw runtimeError(
      `Expected all tensors to be on the same device, but found at least two devices, ${gpu.device} and ${x.device}!`,
    );
  }
  return gpu.deviceType;
}

/**
 * A scalar operand broadcast to `shape`: the backend's cached constant buffer for this value
 * (no allocation or fill per use; on a GPU, no buffer and dispatch per scalar).
 */
export function scalarView(
  v: number,
  dtype: DType,
  shape: readonly number[],
  device: DeviceType,
): View {
  const buf = backendFor(device).constant(dtype, castValue(v, dtype));
  return { buf, dtype, shape, strides: shape.map(() => 0), offset: 0 };
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
  if (isGradEnabled()) refreshView(self);
  const tracked =
    isGradEnabled() && (self.requiresGrad || others.some((o) => isTensor(o) && o.requiresGrad));
  if (!tracked) {
    write();
    self.bumpVersion();
    return self;
  }
  checkInPlaceAllowed(self);
  if (self.base !== null) return inPlaceOnView(self, self.base, others, needsOldSelf, outOfPlace);
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
  // Views of self made before this op now see a rewritten history.
  bumpHistory(self);
  return self;
}

/**
 * An in-place op on a view of `base` while recording (PyTorch's CopySlices). The op runs out of
 * place on a stand-in leaf for the view's old value; the base's grad_fn becomes CopySlices, whose
 * backward takes the base's gradient g and, for the window W the view covers,
 *   d base_old = g with g[W] replaced by (d op / d self)^T g[W],
 *   d other    = (d op / d other)^T g[W],
 * found by running the op's own small graph on g[W]. The view itself is then re-derived from the
 * base as AsStridedBackward0, so later uses of it flow through CopySlices too.
 */
function inPlaceOnView(
  self: Tensor,
  base: Tensor,
  others: readonly TensorLike[],
  needsOldSelf: boolean,
  outOfPlace: (selfAlias: Tensor) => Tensor,
): Tensor {
  refreshView(self);
  if (self.gradFn !== null && self.gradFn.numOutputs > 1) {
    throw runtimeError(
      `Output ${self.outputNr} of ${self.gradFn.name} is a view and is being modified inplace. This view is the output of a function that returns multiple views. Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.`,
    );
  }
  const stand = needsOldSelf
    ? noGrad(() => self.clone())
    : new Tensor(self.storage, self.shape, self.strides, self.offset);
  if (isFloating(self.dtype)) stand.requiresGrad = true;
  const r = outOfPlace(stand);
  noGrad(() => self.storage.backend.copy(r.v(), self.v()));
  self.bumpVersion();
  const fn = r.gradFn;
  if (fn === null) return self;
  const diff = others.filter((o): o is Tensor => isTensor(o) && o.requiresGrad);
  const geometry = { shape: self.shape, strides: self.strides, offset: self.offset };
  const layout = { shape: base.shape, strides: base.strides, offset: base.offset };
  const storageNumel = base.storage.numel;
  const standEdge = stand.gradEdge();
  const otherEdges = diff.map((o) => o.gradEdge());
  const node = new Node("CopySlices", [base.gradEdge(), ...otherEdges], ([g]) => {
    const gg = g as Tensor;
    // g laid out exactly as the base, so the view's geometry finds its window in it.
    const store = Tensor.empty([storageNumel], gg.dtype, gg.deviceType).storage;
    const res = new Tensor(store, layout.shape, layout.strides, layout.offset);
    const window = new Tensor(store, geometry.shape, geometry.strides, geometry.offset);
    const backend = store.backend;
    backend.copy(gg.v(), res.v());
    const gWindow = noGrad(() => window.clone());
    const inner = runBackward([r], [gWindow], {
      inputs: [stand, ...diff],
      inputEdges: [standEdge, ...otherEdges],
      allowUnused: true,
      retainGraph: true,
    });
    const gSelf = inner[0] ?? null;
    if (gSelf === null) backend.fill(window.v(), 0);
    else backend.copy(gSelf.to(gg.dtype).v(), window.v());
    return [res, ...inner.slice(1)];
  });
  // The private graph from `stand` to r is kept for retain_graph; a second backward must fail.
  node.markHoldsSaved();
  base.gradFn = node;
  base.outputNr = 0;
  bumpHistory(base);
  regenerateView(self);
  return self;
}

/**
 * A view's grad_fn re-derived from its base's current history: AsStridedBackward0, whose
 * backward places g at the view's window inside zeros laid out like the base (as_strided's
 * gradient for a non-overlapping window).
 */
function regenerateView(view: Tensor): void {
  const base = view.base as Tensor;
  stampView(view);
  const edge = base.gradEdge();
  if (edge === null) return;
  const layout = { shape: base.shape, strides: base.strides, offset: base.offset };
  const geometry = { shape: view.shape, strides: view.strides, offset: view.offset };
  const storageNumel = base.storage.numel;
  const node = new Node("AsStridedBackward0", [edge], ([g]) => {
    const gg = g as Tensor;
    const z = Tensor.empty([storageNumel], gg.dtype, gg.deviceType);
    z.storage.backend.fill(z.v(), 0);
    const window = new Tensor(z.storage, geometry.shape, geometry.strides, geometry.offset);
    z.storage.backend.copy(gg.v(), window.v());
    return [new Tensor(z.storage, layout.shape, layout.strides, layout.offset)];
  });
  view.gradFn = node;
  view.outputNr = 0;
}
setViewRefresher(regenerateView);

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

// A tensor is its own Geometry (shape, strides); a scalar shares one 0-dim geometry, so no
// object is made per operand on the hot path.
const SCALAR_GEOMETRY: Geometry = { shape: [], strides: [] };
const geometryOf = (x: TensorLike): Geometry => (isTensor(x) ? x : SCALAR_GEOMETRY);

/**
 * A new elementwise result over `inputs` (ATen's operand order; scalars count as 0-dim), laid
 * out as TensorIterator lays it out (core/layout.ts), and the dim order to hand the kernel its
 * views in (null: as they are). A row-major result is allocated exactly as before.
 */
export function elementwiseOut(
  shape: readonly number[],
  dtype: DType,
  device: DeviceType,
  inputs: readonly TensorLike[],
): { y: Tensor; order: number[] | null } {
  const layout = iteratorLayout(shape, inputs.map(geometryOf));
  const y = Tensor.empty(shape, dtype, device);
  if (layout === null) return { y, order: null };
  return { y: new Tensor(y.storage, y.shape, layout.strides, 0), order: layout.order };
}

/** A view with its dims taken in `order` (a permutation; null leaves it as it is). */
export function permuteView(v: View, order: readonly number[] | null): View {
  if (order === null) return v;
  return {
    ...v,
    shape: order.map((d) => v.shape[d] as number),
    strides: order.map((d) => v.strides[d] as number),
  };
}

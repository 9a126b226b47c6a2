// gather / scatter / scatter_add along a dim, with index checks and their backward rules:
// d gather = scatter_add of g at the same index; d scatter(src) = gather of g.

import { noGrad } from "../autograd/grad-mode.ts";
import { recordOp } from "../autograd/record.ts";
import { backendFor } from "../backend/registry.ts";
import { runtimeError } from "../core/errors.ts";
import { wrapDim } from "../core/shape.ts";
import { Tensor } from "../tensor.ts";
import { inPlace, isTensor, operandView, type TensorLike } from "./helpers.ts";

declare module "../tensor.ts" {
  interface Tensor {
    gather(dim: number, index: Tensor): Tensor;
    scatter(dim: number, index: Tensor, src: TensorLike): Tensor;
    scatter_(dim: number, index: Tensor, src: TensorLike): Tensor;
    scatter_add(dim: number, index: Tensor, src: Tensor): Tensor;
    scatter_add_(dim: number, index: Tensor, src: Tensor): Tensor;
  }
}

function checkIndex(t: Tensor, dim: number, index: Tensor, what: string): number {
  if (index.dtype !== "int64") throw runtimeError(`${what}(): Expected dtype int64 for index`);
  const d = wrapDim(dim, t.ndim);
  if (index.ndim !== t.ndim && !(index.ndim <= 1 && t.ndim <= 1)) {
    throw runtimeError("Index tensor must have the same number of dimensions as input tensor");
  }
  return d;
}

const P = Tensor.prototype;

P.gather = function (this: Tensor, dim: number, index: Tensor) {
  const d = checkIndex(this, dim, index, "gather");
  const out = Tensor.empty(index.shape, this.dtype, this.deviceType);
  backendFor(this.deviceType).gather(this.v(), d, index.v(), out.v());
  const inShape = this.shape;
  recordOp("GatherBackward0", [this], [out], () => ([g]) => {
    const z = noGrad(() =>
      Tensor.empty(inShape, (g as Tensor).dtype, (g as Tensor).deviceType).zero_(),
    );
    return [z.scatter_add(d, index, g as Tensor)];
  });
  return out;
};

function scatterInto(
  out: Tensor,
  d: number,
  index: Tensor,
  src: TensorLike,
  reduce: "none" | "add",
): void {
  const sv = isTensor(src) ? src.v() : operandView(src, out.dtype, index.shape, out.deviceType);
  backendFor(out.deviceType).scatter(out.v(), d, index.v(), sv, reduce);
}

function scatterOp(
  self: Tensor,
  dim: number,
  index: Tensor,
  src: TensorLike,
  reduce: "none" | "add",
): Tensor {
  const d = checkIndex(self, dim, index, reduce === "add" ? "scatter_add" : "scatter");
  // ATen checks this in the shared scatter helper, so scatter_add's message says scatter() too.
  if (isTensor(src) && src.dtype !== self.dtype) {
    throw runtimeError("scatter(): Expected self.dtype to be equal to src.dtype");
  }
  const out = self.clone();
  noGrad(() => scatterInto(out, d, index, src, reduce));
  out.gradFn = null;
  const ts = isTensor(src) ? src : null;
  // d scatter: self gets g with scattered positions zeroed (kept for add); src gets g gathered.
  recordOp(
    reduce === "add" ? "ScatterAddBackward0" : ts ? "ScatterBackward0" : "ScatterBackward1",
    [self, ts],
    [out],
    () =>
      ([g]) => {
        const gg = g as Tensor;
        const gSelf = reduce === "add" ? gg : gg.scatter(d, index, 0);
        return [gSelf, ts ? gg.gather(d, index) : null];
      },
  );
  return out;
}

P.scatter = function (this: Tensor, dim: number, index: Tensor, src: TensorLike) {
  return scatterOp(this, dim, index, src, "none");
};
P.scatter_add = function (this: Tensor, dim: number, index: Tensor, src: Tensor) {
  return scatterOp(this, dim, index, src, "add");
};
P.scatter_ = function (this: Tensor, dim: number, index: Tensor, src: TensorLike) {
  const d = checkIndex(this, dim, index, "scatter");
  return inPlace(
    this,
    [src],
    false,
    () => scatterInto(this, d, index, src, "none"),
    (alias) => scatterOp(alias, d, index, src, "none"),
  );
};
P.scatter_add_ = function (this: Tensor, dim: number, index: Tensor, src: Tensor) {
  const d = checkIndex(this, dim, index, "scatter_add");
  return inPlace(
    this,
    [src],
    false,
    () => scatterInto(this, d, index, src, "add"),
    (alias) => scatterOp(alias, d, index, src, "add"),
  );
};

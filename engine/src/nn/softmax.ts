// F.softmax and F.log_softmax, each one node with PyTorch's name and gradient. A module of
// their own because the losses build on log_softmax and functional.ts re-exports the losses:
// both import from here, so neither imports the other.

import { noGrad } from "../autograd/grad-mode.ts";
import { recordOp } from "../autograd/record.ts";
import { backendFor } from "../backend/registry.ts";
import { contiguousStrides, sameShape, wrapDim } from "../core/shape.ts";
import { contiguousClone } from "../ops/copy.ts";
import { Tensor } from "../tensor.ts";

/**
 * The backend's own softmax over the last dim (the CPU's follows PyTorch's float32 order,
 * backend/cpu/softmax.ts), or null where it has none or PyTorch uses another kernel (another
 * dim, another dtype): then the op is composed from max, exp and sum.
 */
function lastDimKernel(input: Tensor, d: number, log: boolean): Tensor | null {
  if (input.dtype !== "float32" || input.ndim === 0 || d !== input.ndim - 1) return null;
  const be = backendFor(input.deviceType);
  if (be.softmaxLastDim === undefined) return null;
  const x = input.contiguous();
  const out = Tensor.empty(x.shape, "float32", x.deviceType);
  be.softmaxLastDim(x.v(), out.v(), log);
  return out;
}

/** PyTorch's softmax allocates its result row-major whatever the input's layout. */
const rowMajor = (t: Tensor): Tensor =>
  sameShape(t.strides, contiguousStrides(t.shape)) ? t : contiguousClone(t);

/** The dim F.softmax picks when none is given (with PyTorch's deprecation warning). */
function implicitDim(ndim: number): number {
  return ndim === 0 || ndim === 1 || ndim === 3 ? 0 : 1;
}

/** `F.softmax(input, dim)`: exp(x - max) / sum(exp(x - max)) along dim. */
export function softmax(input: Tensor, dim?: number | null): Tensor {
  const d = wrapDim(dim ?? implicitDim(input.ndim), Math.max(input.ndim, 1));
  const y = noGrad(() => {
    const own = lastDimKernel(input, d, false);
    if (own !== null) return own;
    const e = input.ndim === 0 ? input.sub(input).exp() : input.sub(input.amax(d, true)).exp();
    return input.ndim === 0 ? e : rowMajor(e.div(e.sum(d, true)));
  });
  // y = softmax(x): dx = y * (g - sum(g * y, dim))
  recordOp("SoftmaxBackward0", [input], [y], (node) => {
    const so = node.save(y, true);
    return ([g]) => {
      const out = so.unpack();
      const gg = g as Tensor;
      return [input.ndim === 0 ? gg.mul(0) : out.mul(gg.sub(gg.mul(out).sum(d, true)))];
    };
  });
  return y;
}

/** `F.log_softmax(input, dim)`: x - max - log(sum(exp(x - max))) along dim. */
export function log_softmax(input: Tensor, dim?: number | null): Tensor {
  const d = wrapDim(dim ?? implicitDim(input.ndim), Math.max(input.ndim, 1));
  const y = noGrad(() => {
    if (input.ndim === 0) return input.sub(input);
    const own = lastDimKernel(input, d, true);
    if (own !== null) return own;
    const shifted = input.sub(input.amax(d, true));
    return rowMajor(shifted.sub(shifted.exp().sum(d, true).log()));
  });
  // y = log_softmax(x): dx = g - exp(y) * sum(g, dim)
  recordOp("LogSoftmaxBackward0", [input], [y], (node) => {
    const so = node.save(y, true);
    return ([g]) => {
      const gg = g as Tensor;
      if (input.ndim === 0) return [gg.mul(0)];
      return [gg.sub(so.unpack().exp().mul(gg.sum(d, true)))];
    };
  });
  return y;
}

// `self + b * c` rounded once, as PyTorch's float32 CPU kernels compute add(other, alpha=) and
// addcmul (they compile to a fused multiply-add). Optimizers use it to match PyTorch's updates
// bit for bit; it is not a public op and must not change any tensor but the one it writes.
import type { Tensor } from "../tensor.ts";

/**
 * self + b * c, where c is a tensor or a Python scalar (cast to float32 first, as PyTorch casts
 * alpha and value). For float32 CPU tensors the sum is formed in float64, which holds the
 * float32 product exactly, so only the cast back rounds (this double rounding differs from a
 * true FMA only in the rare case that the float64 sum lands on a float32 tie). Elsewhere (GPU,
 * other dtypes) it is the plain two-step self + b * c.
 */
export function addProduct(self: Tensor, b: Tensor, c: Tensor | number): Tensor {
  if (c === 1) return self.add(b); // one rounding already
  const fused = self.dtype === "float32" && self.deviceType === "cpu" && b.dtype === "float32";
  if (!fused) return self.add(b.mul(c));
  const factor = typeof c === "number" ? Math.fround(c) : c.double();
  return self.double().add(b.double().mul(factor)).float();
}

/** self.add_(b * c) in place, with addProduct's rounding. */
export function addProduct_(self: Tensor, b: Tensor, c: Tensor | number): Tensor {
  return self.copy_(addProduct(self, b, c));
}

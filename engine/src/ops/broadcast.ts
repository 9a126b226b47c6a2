// torch.broadcast_shapes and torch.broadcast_tensors: the one shape a set of operands broadcasts
// to, and each tensor expanded to it (a view sharing storage; a tensor already of that shape is
// returned itself, as PyTorch's expand_outplace does). The pairwise rule is core/shape.ts's.
import { runtimeError } from "../core/errors.ts";
import { broadcastShapes } from "../core/shape.ts";
import type { Tensor } from "../tensor.ts";

/**
 * torch.broadcast_shapes(*shapes), as 1.13's Python implementation checks it: an int stands for
 * a 1-d shape; a negative size or two sizes that differ (neither 1) raise.
 */
export function broadcast_shapes(...shapes: (number | readonly number[])[]): number[] {
  const lists = shapes.map((s) => (typeof s === "number" ? [s] : s));
  const out = new Array<number>(Math.max(0, ...lists.map((s) => s.length))).fill(1);
  for (const s of lists) {
    for (let i = 1; i <= s.length; i++) {
      const size = s[s.length - i] as number;
      if (size < 0) {
        throw runtimeError(`Trying to create tensor with negative dimension (${size}): (${size})`);
      }
      const at = out.length - i;
      if (size === 1 || size === out[at]) continue;
      if (out[at] !== 1)
        throw runtimeError("Shape mismatch: objects cannot be broadcast to a single shape");
      out[at] = size;
    }
  }
  return out;
}

/** torch.broadcast_tensors(*tensors): expanded views (ExpandBackward0), in a tuple. */
export function broadcast_tensors(...tensors: Tensor[]): Tensor[] {
  if (tensors.length === 0) return [];
  let shape: readonly number[] = (tensors[0] as Tensor).shape;
  for (const t of tensors.slice(1)) shape = broadcastShapes(shape, t.shape);
  return tensors.map((t) =>
    t.shape.length === shape.length && t.shape.every((s, i) => s === shape[i])
      ? t
      : t.expand(shape),
  );
}

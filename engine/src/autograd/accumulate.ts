// AccumulateGrad: how a gradient lands in a leaf's .grad. The first gradient is copied (a graph
// may hand the same tensor to several leaves); later ones are added in place, so .grad keeps
// its identity across backward calls, as in PyTorch. With create_graph the sum is a graph op.
import { isNonOverlappingAndDense } from "../core/shape.ts";
import type { Tensor } from "../tensor.ts";

export function accumulate(leaf: Tensor, g: Tensor | null, createGraph: boolean): void {
  if (g === null) return;
  if (leaf.grad === null) {
    leaf.grad = createGraph ? firstGradWithGraph(leaf, g) : firstGrad(leaf, g);
  } else if (createGraph) {
    leaf.grad = leaf.grad.add(g);
  } else {
    leaf.grad.add_(g);
  }
}

/**
 * The first .grad is a copy laid out like the leaf (PyTorch's clone_obey_contract): contiguous
 * for a contiguous leaf even when the gradient arrives transposed, the leaf's own strides for a
 * dense non-contiguous leaf.
 */
function firstGrad(leaf: Tensor, g: Tensor): Tensor {
  const d = g.detach();
  if (leaf.isContiguous()) return d.isContiguous() ? d.clone() : d.contiguous();
  if (d.strides.every((s, i) => s === leaf.strides[i])) return d.clone();
  return leaf.detach().clone().copy_(d);
}

/**
 * Under create_graph the first .grad stays on the graph (clone_obey_contract with grad mode on):
 * for a dense leaf a tensor laid out like it, written by copy_ (CopyBackwards); else a
 * contiguous clone (CloneBackward0).
 */
function firstGradWithGraph(leaf: Tensor, g: Tensor): Tensor {
  if (!isNonOverlappingAndDense(leaf.shape, leaf.strides)) return g.contiguous().clone();
  return leaf.detach().clone().copy_(g);
}

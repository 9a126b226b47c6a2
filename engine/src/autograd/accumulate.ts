// AccumulateGrad: how a gradient lands in a leaf's .grad. The first gradient is copied (a graph
// may hand the same tensor to several leaves); later ones are added in place, so .grad keeps
// its identity across backward calls, as in PyTorch. With create_graph the sum is a graph op.
import type { Tensor } from "../tensor.ts";

export function accumulate(leaf: Tensor, g: Tensor | null, createGraph: boolean): void {
  if (g === null) return;
  if (leaf.grad === null) {
    leaf.grad = createGraph ? g : g.detach().clone();
  } else if (createGraph) {
    leaf.grad = leaf.grad.add(g);
  } else {
    leaf.grad.add_(g);
  }
}

// How ops join the graph: `recordOp` creates the grad_fn node for outputs computed from inputs
// (only in grad mode and only when an input requires grad), lets the op save what its backward
// needs, and marks the outputs as non-leaf results of that node.
import type { Tensor } from "../tensor.ts";
import { isGradEnabled } from "./grad-mode.ts";
import { type BackwardFn, Node } from "./node.ts";
import { refreshView } from "./view-history.ts";

/**
 * Records `name` (PyTorch's node name, e.g. "MulBackward0") for outputs of an op on inputs.
 * `build` receives the node (to `save` tensors) and returns the backward closure, which maps
 * gradients of the outputs to gradients of the inputs (null where an input needs none).
 */
export function recordOp(
  name: string,
  inputs: readonly (Tensor | null | undefined)[],
  outputs: readonly Tensor[],
  build: (node: Node) => BackwardFn,
): Node | null {
  if (!isGradEnabled()) return null;
  for (const t of inputs) refreshView(t);
  let any = false;
  for (const t of inputs) if (t?.requiresGrad) any = true;
  if (!any) return null;
  const node = new Node(
    name,
    inputs.map((t) => (t ? t.gradEdge() : null)),
    null,
    outputs.length,
  );
  node.setBackward(build(node));
  outputs.forEach((o, i) => {
    o.gradFn = node;
    o.outputNr = i;
  });
  return node;
}

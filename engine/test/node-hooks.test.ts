// grad_fn.registerHook at the TypeScript level (the Python binding and PyTorch's order are checked
// by programs/61_node_hooks.py): what a hook receives, what its return does, remove(), and the
// order in which nodes of equal rank (AccumulateGrad) leave PyTorch's ready queue.

import { type Node, type Tensor, tensor } from "torchlit";
import { describe, expect, it } from "vitest";

const leaf = (v: number): Tensor => tensor(v, { dtype: "float32", requiresGrad: true });
const fnOf = (t: Tensor): Node => t.gradFn as Node;

describe("Node.registerHook(fn)", () => {
  it("passes grad_inputs with null for an input that needs no gradient, then grad_outputs", () => {
    const a = leaf(2);
    const y = a.mul(tensor(3, { dtype: "float32" }));
    const seen: (number | null)[][] = [];
    fnOf(y).registerHook((gi, go) => {
      seen.push(
        gi.map((g) => (g ? Number(g.item()) : null)),
        go.map((g) => (g ? Number(g.item()) : null)),
      );
      return undefined;
    });
    y.backward();
    expect(seen).toEqual([[3, null], [1]]);
  });

  it("replaces the gradients sent on with the array it returns, until removed", () => {
    const a = leaf(2);
    const y = a.mul(3);
    const handle = fnOf(y).registerHook((gi) => [(gi[0] as Tensor).mul(10), null]);
    y.backward(null, true);
    expect(a.grad?.item()).toBe(30);
    handle.remove();
    handle.remove();
    y.backward();
    expect(a.grad?.item()).toBe(33);
  });

  it("refuses a returned array of the wrong length, naming the hook", () => {
    const y = leaf(2).mul(3);
    fnOf(y).registerHook(function tooShort() {
      return [null];
    });
    expect(() => y.backward()).toThrow(
      "hook 'tooShort' has returned an incorrect number of values (got 1, but expected 2)",
    );
  });

  it("runs AccumulateGrad's hooks after the gradient is in .grad, with no grad_inputs", () => {
    const a = leaf(2);
    const y = a.mul(a);
    const acc = (fnOf(y).next[0] as { node: Node }).node;
    let at: { gi: number; go: number; grad: number } | null = null;
    acc.registerHook((gi, go) => {
      at = {
        gi: gi.length,
        go: Number((go[0] as Tensor).item()),
        grad: Number((a.grad as Tensor).item()),
      };
      return undefined;
    });
    y.backward();
    expect(at).toEqual({ gi: 0, go: 4, grad: 4 });
  });
});

describe("the backward order", () => {
  it("runs a leaf's AccumulateGrad as soon as it is ready, ties as std::priority_queue breaks them", () => {
    // PyTorch 1.13 (programs/61_node_hooks.py): for a*b*c + b the order is AddBackward0,
    // MulBackward0 (·c), c's AccumulateGrad, MulBackward0 (a·b), then a's and b's.
    const [a, b, c] = [leaf(2), leaf(3), leaf(-1)];
    const y = a.mul(b).mul(c).add(b);
    const names = new Map<Node, string>([
      [fnOf(y), "add"],
      [fnOf(y).next[0]?.node as Node, "mul(ab,c)"],
    ]);
    const abc = fnOf(y).next[0]?.node as Node;
    names.set(abc.next[0]?.node as Node, "mul(a,b)");
    for (const [t, n] of [
      [a, "a"],
      [b, "b"],
      [c, "c"],
    ] as const)
      names.set(t.gradEdge()?.node as Node, n);
    const order: string[] = [];
    for (const [n, label] of names)
      n.registerHook(() => {
        order.push(label);
        return undefined;
      });
    y.backward();
    expect(order).toEqual(["add", "mul(ab,c)", "c", "mul(a,b)", "a", "b"]);
  });
});

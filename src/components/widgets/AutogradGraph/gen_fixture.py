"""Writes fixture.json beside it: for each expression the autograd-graph figure offers as a preset
(and a few more), with every combination of requires_grad on a, b, c and with retain_graph off and
on, what PyTorch 1.13 does: the leaves' and the result's repr, the grad_fn nodes (class name, next_functions,
the leaf an AccumulateGrad accumulates into) in a depth-first walk from the result's grad_fn,
each node's (grad_outputs, grad_inputs) as grad_fn.register_hook sees them in the engine's
order during backward(retain_graph=...), each leaf's .grad after it, and what a second
backward() leaves in .grad or the error it raises. Values are str(tensor).
model.test.ts and e2e/widget-autograd-graph.spec.ts compare the figure against it.

Run with Debian's interpreter (the one that has torch 1.13):
    /usr/bin/python3 src/components/widgets/AutogradGraph/gen_fixture.py
"""
import itertools
import json
import os

import torch

NAMES = ("a", "b", "c")
VALUES = {"a": 2.0, "b": 3.0, "c": -1.0}
# model.ts PRESETS, then expressions the tests type.
EXPRESSIONS = [
    "a * b + a.sin()",
    "(a + b) * (a - b)",
    "a * a",
    "(a * b).exp()",
    "a * b * c + b",
    "a + b",
    # The lesson's d (content/docs/*/autograd.mdx).
    "torch.sin(a * b) + a",
    "1 - a",
    "2 / a + 2 ** b - a ** 2",
    "torch.sigmoid(a) * torch.tanh(b) - torch.relu(c)",
    "-a * torch.log(b) + c.cos()",
]


def walk(root):
    out, stack = [], [root]
    while stack:
        n = stack.pop()
        if n is None or n in out:
            continue
        out.append(n)
        stack.extend(f for f, _ in reversed(n.next_functions))
    return out


def err(e):
    return f"{type(e).__name__}: {e}"


def case(expr, requires, retain):
    leaves = {k: torch.tensor(VALUES[k], requires_grad=requires[k]) for k in NAMES}
    out = {"expr": expr, "requires": requires, "retain": retain}
    y = eval(expr, {"torch": torch, **leaves})
    out["result"] = repr(y)
    out["leaves"] = {k: repr(leaves[k]) for k in NAMES}
    nodes = walk(y.grad_fn) if y.grad_fn is not None else []
    ids = {n: i for i, n in enumerate(nodes)}
    out["nodes"] = [
        {
            "id": i,
            "name": type(n).__name__,
            "next": [None if f is None else [ids[f], nr] for f, nr in n.next_functions],
            "leaf": next((k for k in NAMES if getattr(n, "variable", None) is leaves[k]), None),
        }
        for i, n in enumerate(nodes)
    ]
    order = []
    s = lambda g: None if g is None else str(g)
    for n in nodes:
        n.register_hook(
            lambda gi, go, n=n: order.append(
                {"id": ids[n], "name": type(n).__name__,
                 "gradOutputs": [s(g) for g in go], "gradInputs": [s(g) for g in gi]}
            )
        )
    grads = lambda: {k: s(leaves[k].grad) for k in NAMES}
    try:
        y.backward(retain_graph=retain)
    except RuntimeError as e:
        out["error"] = err(e)
        return out
    out["order"] = list(order)
    out["grads"] = grads()
    try:
        y.backward()
        out["second"] = {"grads": grads()}
    except RuntimeError as e:
        out["second"] = {"error": err(e)}
    return out


cases = []
for expr in EXPRESSIONS:
    for flags in itertools.product((True, False), repeat=3):
        for retain in (False, True):
            cases.append(case(expr, dict(zip(NAMES, flags)), retain))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "fixture.json"), "w") as f:
    json.dump({"torch": torch.__version__, "values": VALUES, "cases": cases}, f, indent=1)
    f.write("\n")
print(len(cases), "cases")

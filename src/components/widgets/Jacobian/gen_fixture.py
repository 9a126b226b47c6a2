"""Writes fixture.json beside it: for each function the Jacobian figure offers, at a set of
points x and cotangents v (the figure's first state, the states its e2e test reaches by
keyboard, and a spread around them), what PyTorch 1.13 prints: str(y) for y = f(x), str(J) from
torch.autograd.functional.jacobian, str(v @ J), str(x.grad) after y.backward(v), and the two
rows x.grad holds after y.backward(e1) and y.backward(e2). model.test.ts and
e2e/widget-jacobian.spec.ts compare the figure against it.

The function code is kept here as the figure shows it (model.ts FUNCTIONS), and the fixture
keeps it, so the test checks that the figure shows the code PyTorch ran.

Run with Debian's interpreter (the one that has torch 1.13):
    /usr/bin/python3 src/components/widgets/Jacobian/gen_fixture.py
"""
import json
import os

import torch

A = "A = torch.tensor([[1.5, 0.5], [-0.5, 1.0]])\n"
FUNCTIONS = {
    "linear": A + "y = A @ x",
    "rotate": "y = torch.stack([x[0] - x[1], x[0] + x[1]])",
    "square": "y = torch.stack([x[0] ** 2 - x[1] ** 2, 2 * x[0] * x[1]])",
    "sine": "y = torch.stack([torch.sin(x[0]) + x[1], x[0] * x[1]])",
    "polar": "y = torch.stack([x[0] * torch.cos(x[1]), x[0] * torch.sin(x[1])])",
}
# The first state (1.0, 0.5), the keyboard's steps from it, and a spread over the plane.
POINTS = [(1.0, 0.5), (1.25, 0.5), (1.25, 0.75), (0.0, 0.0), (-1.5, 0.75), (0.5, -1.0), (2.0, 2.0)]
COTANGENTS = [(0.5, 1.0), (0.25, 1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.25), (2.0, -2.0)]


def run(code, x0, x1):
    x = torch.tensor([x0, x1], requires_grad=True)
    env = {"torch": torch, "x": x}
    exec(code, env)
    return x, env["y"]


def case(name, code, point, cot):
    x0, x1 = point
    x, y = run(code, x0, x1)
    rows = []
    for i in range(2):
        e = torch.zeros(2)
        e[i] = 1.0
        x.grad = None
        y.backward(e, retain_graph=True)
        rows.append(str(x.grad))

    def f(t):
        env = {"torch": torch, "x": t}
        exec(code, env)
        return env["y"]

    J = torch.autograd.functional.jacobian(f, x.detach())
    v = torch.tensor(cot)
    x.grad = None
    y.backward(v)
    return {
        "fn": name,
        "x": list(point),
        "v": list(cot),
        "y": str(y),
        "J": str(J),
        "vJ": str(v @ J),
        "grad": str(x.grad),
        "rows": rows,
    }


def main():
    cases = [
        case(name, code, p, v)
        for name, code in FUNCTIONS.items()
        for p in POINTS
        for v in COTANGENTS
    ]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixture.json")
    with open(out, "w") as f:
        json.dump({"torch": torch.__version__, "functions": FUNCTIONS, "cases": cases}, f, indent=1)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {out}")


if __name__ == "__main__":
    main()

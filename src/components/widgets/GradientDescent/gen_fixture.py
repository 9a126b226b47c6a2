"""Writes fixture.json beside it: for each loss surface the gradient-descent figure offers and a
few settings of learning rate, mini-batch size, momentum and step count (the figure's first
states, the states its e2e test sets, and a diverging one per surface), what PyTorch 1.13 gives
when it runs the program the figure shows: the lines it prints (each method's final p), and
for each method (batch, mini-batch, stochastic) p after every step and the full-data loss there.
model.test.ts and e2e/widget-gradient-descent.spec.ts compare the figure against it.

The program text is built here by the same template as model.ts `code()`, the fixture keeps
it, and the test checks the figure shows the program PyTorch ran. The printed lines come from
exec'ing that very text; the per-step path comes from the same data and loss_fn with the loop
replayed step by step, and its last p must print as the program printed it.

Run with Debian's interpreter (the one that has torch 1.13):
    /usr/bin/python3 src/components/widgets/GradientDescent/gen_fixture.py
"""
import contextlib
import io
import json
import math
import os

import torch

N = 32
SURFACES = {
    "bowl": {
        "data": "d = 0.5 * torch.randn(n, 2)",
        "loss": "    return (2.5 * (p[0] - d[:, 0]) ** 2 + 0.25 * (p[1] - d[:, 1]) ** 2).mean()",
        "start": (-2.0, 1.5),
    },
    "wells": {
        "data": "d = 0.2 * torch.randn(n, 2)",
        "loss": "    q0, q1 = p[0] - d[:, 0], p[1] - d[:, 1]\n"
        "    return ((q0 ** 2 - 1) ** 2 + 0.3 * (q0 + 1) ** 2 + 0.5 * q1 ** 2).mean()",
        "start": (1.6, 1.5),
    },
    "regression": {
        "data": "x = torch.randn(n)\nd = torch.stack([x, 2 * x + 1 + 0.5 * torch.randn(n)], 1)",
        "loss": "    return ((p[0] * d[:, 0] + p[1] - d[:, 1]) ** 2).mean()",
        "start": (-2.0, -2.0),
    },
}
METHODS = ["batch", "mini-batch", "stochastic"]

# (lr, batch size, momentum, steps) per surface: the first state first, a diverging one last.
SETTINGS = {
    "bowl": [(0.1, 8, 0.0, 30), (0.1, 8, 0.9, 30), (0.3, 4, 0.0, 20), (0.05, 16, 0.5, 100),
             (0.45, 8, 0.0, 30)],
    "wells": [(0.05, 8, 0.0, 30), (0.05, 8, 0.9, 30), (0.1, 4, 0.5, 50), (0.02, 2, 0.0, 100),
              (0.3, 8, 0.0, 30)],
    "regression": [(0.1, 8, 0.0, 30), (0.1, 8, 0.9, 30), (0.3, 4, 0.0, 20), (0.05, 16, 0.5, 100),
                   (1.1, 8, 0.0, 30)],
}


def py_float(v):
    """A number as the figure writes a Python float literal (model.ts pyFloat)."""
    return f"{v:.1f}" if float(v).is_integer() else repr(v)


def prelude(surface):
    s = SURFACES[surface]
    return (
        "import torch\n\n"
        "torch.manual_seed(0)\n"
        f"n = {N}\n"
        f"{s['data']}\n\n\n"
        "def loss_fn(p, d):\n"
        f"{s['loss']}\n"
    )


def code(surface, lr, batch_size, momentum, steps):
    a, b = SURFACES[surface]["start"]
    return prelude(surface) + (
        "\n\n"
        f'for name, batch_size in [("batch", n), ("mini-batch", {batch_size}), ("stochastic", 1)]:\n'
        "    torch.manual_seed(1)\n"
        f"    p = torch.tensor([{py_float(a)}, {py_float(b)}], requires_grad=True)\n"
        f"    opt = torch.optim.SGD([p], lr={py_float(lr)}, momentum={py_float(momentum)})\n"
        f"    for step in range({steps}):\n"
        "        batch = d[torch.randperm(n)[:batch_size]]\n"
        "        opt.zero_grad()\n"
        "        loss_fn(p, batch).backward()\n"
        "        opt.step()\n"
        "    print(name, p)\n"
    )


def num(v):
    """A float32 value as JSON can hold it: inf and nan as strings."""
    return v if math.isfinite(v) else str(v)


def paths(surface, lr, batch_size, momentum, steps):
    env = {}
    exec(prelude(surface), env)
    d, loss_fn = env["d"], env["loss_fn"]
    out = {}
    for name, b in [("batch", N), ("mini-batch", batch_size), ("stochastic", 1)]:
        torch.manual_seed(1)
        p = torch.tensor(list(SURFACES[surface]["start"]), requires_grad=True)
        opt = torch.optim.SGD([p], lr=lr, momentum=momentum)
        path, losses = [], []

        def record():
            with torch.no_grad():
                path.append([num(v) for v in p.tolist()])
                losses.append(num(loss_fn(p, d).item()))

        record()
        for _ in range(steps):
            batch = d[torch.randperm(N)[:b]]
            opt.zero_grad()
            loss_fn(p, batch).backward()
            opt.step()
            record()
        out[name] = {"path": path, "loss": losses, "final": f"{name} {p}"}
    return out


def case(surface, lr, batch_size, momentum, steps):
    program = code(surface, lr, batch_size, momentum, steps)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(program, {})
    lines = printed.getvalue().splitlines()
    runs = paths(surface, lr, batch_size, momentum, steps)
    assert lines == [runs[m]["final"] for m in METHODS], (lines, surface)
    return {
        "surface": surface,
        "lr": lr,
        "batchSize": batch_size,
        "momentum": momentum,
        "steps": steps,
        "code": program,
        "printed": lines,
        "runs": {m: {"path": runs[m]["path"], "loss": runs[m]["loss"]} for m in METHODS},
    }


def main():
    cases = [case(s, *setting) for s, settings in SETTINGS.items() for setting in settings]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixture.json")
    with open(out, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=None, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(cases)} cases to {out}")
    for c in cases:
        print(c["surface"], c["lr"], c["batchSize"], c["momentum"], c["steps"], c["printed"])


if __name__ == "__main__":
    main()

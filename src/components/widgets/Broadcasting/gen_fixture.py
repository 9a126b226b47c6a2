"""Writes fixture.json beside it: for each pair of shapes the broadcasting figure offers (and a
few more), in both modes (`a + b` and `a += b`), what PyTorch 1.13 gives when the figure's own
code runs: the result's shape, the strides of each operand expanded to it (0 where it is
stretched), the element of each operand that every result element reads, and the values; or
the exception's type and text. model.test.ts and e2e/widgets.spec.ts compare the figure
against it.

The code is built here as the figure builds it (model.ts `code`), and the fixture keeps it, so
the test checks that the figure shows the code that PyTorch ran.

Run with Debian's interpreter (the one that has torch 1.13):
    /usr/bin/python3 src/components/widgets/Broadcasting/gen_fixture.py
"""
import json
import math
import os

import torch

PAIRS = [
    ((2, 1, 3), (4, 1)),
    ((2, 3), (3,)),
    ((3,), ()),
    ((), (3,)),
    ((3, 1), (1, 4)),
    ((3, 1), (4,)),
    ((2, 3), (2,)),
    ((2, 3), (2, 1)),
    ((3,), (2, 3)),
    ((2, 3), (3, 2)),
    ((4, 1, 2), (3, 5, 1)),
    ((5, 3), (4, 3)),
    ((2, 0), (3, 1)),
    ((0,), (1,)),
    ((0,), (3,)),
    ((1,), (1, 1, 1)),
    ((2, 2, 2, 2), (2,)),
    ((8, 8), (8, 1)),
    ((1, 4), (3, 1)),
    ((3, 1, 2), (3, 2)),
    ((6,), (6,)),
    ((2, 1), (1, 2)),
]


def make(name, shape, scale):
    """The code that makes an operand: arange's values, so each element is told by its value."""
    n = math.prod(shape)
    start, stop = (1, n + 1) if scale != 1 else (0, n)
    if len(shape) == 0:
        return f"{name} = torch.tensor({start * scale})"
    rng = f"torch.arange({start}, {stop})" if start else f"torch.arange({stop})"
    view = f".view({', '.join(map(str, shape))})" if len(shape) > 1 else ""
    times = f" * {scale}" if scale != 1 else ""
    return f"{name} = {rng}{view}{times}"


def code(a, b, inplace):
    return "\n".join([make("a", a, 1), make("b", b, 10), "a += b" if inplace else "c = a + b"])


def sources(shape, out):
    """For each element of the result, the flat index of the operand's element it reads."""
    return torch.arange(math.prod(shape)).view(shape).expand(out).reshape(-1).tolist()


def case(a, b, inplace):
    src = code(a, b, inplace)
    env = {"torch": torch}
    entry = {"a": list(a), "b": list(b), "inplace": inplace, "code": src}
    try:
        exec(src, env)
    except Exception as e:  # noqa: BLE001 - the exception is the fixture
        return {**entry, "type": type(e).__name__, "message": str(e)}
    r = env["a"] if inplace else env["c"]
    out = list(r.shape)
    entry["result"] = {
        "shape": out,
        "stridesA": list(torch.zeros(a).expand(out).stride()),
        "stridesB": list(torch.zeros(b).expand(out).stride()),
        "sourcesA": sources(a, out),
        "sourcesB": sources(b, out),
        "values": r.reshape(-1).tolist(),
    }
    return entry


def main():
    cases = [case(a, b, inplace) for a, b in PAIRS for inplace in (False, True)]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixture.json")
    with open(out, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {out}")


if __name__ == "__main__":
    main()

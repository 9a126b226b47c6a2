"""Writes fixture.json beside it: for each base tensor and expression the tensor-memory figure
offers (and a few more), what PyTorch 1.13 gives: shape, stride, storage offset, contiguity,
whether the result shares x's storage, the storage cell under each element, the values, or the
exception's type and text. model.test.ts and e2e/widgets.spec.ts compare the figure against it.

Run with Debian's interpreter (the one that has torch 1.13):
    /usr/bin/python3 src/components/widgets/TensorMemory/gen_fixture.py
"""
import itertools
import json
import os

import torch

BASES = {
    "torch.arange(12).view(3, 4)": lambda: torch.arange(12).view(3, 4),
    "torch.arange(6).view(2, 3)": lambda: torch.arange(6).view(2, 3),
    "torch.arange(24).view(2, 3, 4)": lambda: torch.arange(24).view(2, 3, 4),
}

EXPRESSIONS = {
    "torch.arange(12).view(3, 4)": [
        "x",
        "x[1:, ::2]",
        "x[1]",
        "x[:, 1]",
        "x[None, :, 2:]",
        "x[..., -1]",
        "x.t()",
        "x.T",
        "x.view(2, 6)",
        "x.view(-1)",
        "x.t().view(12)",
        "x.t().view(-1)",
        "x.t().reshape(12)",
        "x.t().contiguous()",
        "x.t().contiguous().view(12)",
        "x.reshape(6, 2)",
        "x.clone()",
        "x.expand(2, 3, 4)",
        "x[:, :1].expand(3, 4)",
        "x.unsqueeze(1)",
        "x.flatten()",
        "x.narrow(1, 1, 2)",
        "x.transpose(0, 1)[1:]",
        "x.view(5, 2)",
        "x.expand(3, 5)",
        "x[3]",
        "x[:, ::2].view(6)",
        "x[:, ::2].reshape(6)",
    ],
    "torch.arange(6).view(2, 3)": [
        "x.t()",
        "x.t().view(6)",
        "x.permute(1, 0)",
        "x[:, None]",
    ],
    "torch.arange(24).view(2, 3, 4)": [
        "x.transpose(1, 2)",
        "x.transpose(1, 2).view(2, 12)",
        "x.transpose(1, 2).view(8, 3)",
        "x.transpose(1, 2).view(2, 4, 3, 1)",
        "x.permute(2, 0, 1)",
        "x[:, 1]",
        "x[1, :, ::3]",
        "x.view(6, 4)",
        "x.flatten(1)",
    ],
}


def geometry(t, x):
    cells = [
        t.storage_offset() + sum(i * s for i, s in zip(idx, t.stride()))
        for idx in itertools.product(*(range(n) for n in t.shape))
    ]
    return {
        "shape": list(t.shape),
        "strides": list(t.stride()),
        "offset": t.storage_offset(),
        "contiguous": t.is_contiguous(),
        "sharesStorage": t.storage().data_ptr() == x.storage().data_ptr(),
        "storageSize": len(t.storage()),
        "cells": cells,
        "values": t.reshape(-1).tolist(),
    }


def case(base, expression):
    x = BASES[base]()
    try:
        r = eval(expression, {"torch": torch, "x": x})
    except Exception as e:  # noqa: BLE001 - the exception is the fixture
        return {"base": base, "expression": expression, "type": type(e).__name__, "message": str(e)}
    return {"base": base, "expression": expression, "result": geometry(r, x)}


def main():
    cases = [case(b, e) for b, exprs in EXPRESSIONS.items() for e in exprs]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixture.json")
    with open(out, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {out}")


if __name__ == "__main__":
    main()

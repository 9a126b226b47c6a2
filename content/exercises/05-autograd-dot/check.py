from tl_check import *


def explain_error(exc, ns):
    text = str(exc)
    if "grad can be implicitly created only for scalar outputs" in text:
        return "non-scalar-backward"
    if "does not require grad" in text:
        x = ns.get("x")
        # x tracks now, but y was computed before it did: y has no graph to go back through.
        if isinstance(x, torch.Tensor) and x.requires_grad:
            return "ag-dot-tracked-too-late"
        return Feedback("requires-grad-missing", name="x")
    return None


def check(ns, run):
    x = get(ns, "x")
    expect_shape(x, (4,), "x")
    expect_close(x, [0.0, 1.0, 2.0, 3.0], "x", id="changed-input")
    expect_requires_grad(x, "x")
    expect_grad(x, [0.0, 4.0, 8.0, 12.0], "x")

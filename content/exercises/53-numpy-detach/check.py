from tl_check import *


def explain_error(exc):
    if "requires grad" in str(exc):
        return "numpy-requires-grad"
    return None


def check(ns, run):
    w = run.given["w"]
    expect(same_object(get(ns, "w"), w) and w.requires_grad, "numpy-grad-switched-off")
    arr = get(ns, "weights_np")
    kind = type(arr).__name__
    expect(kind == "ndarray", "numpy-not-an-array", got=kind)
    expect_close(arr.tolist(), [0.5, -1.0, 2.0], "weights_np")
    # A training step updates w in place; an array sharing w's memory sees the new values.
    with torch.no_grad():
        w.add_(1.0)
    expect(close(arr.tolist(), [1.5, 0.0, 3.0]), "numpy-detach-copied")

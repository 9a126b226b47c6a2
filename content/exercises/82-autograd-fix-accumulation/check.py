from tl_check import *

STEPS, LR = 10, 0.05


def descend(accumulate):
    """The loop in plain Python: d/dw mean((w X - t)^2) = 2 (14/3 w - 28/3) for X = [1, 2, 3], t = 2 X."""
    w, total = 0.0, 0.0
    for _ in range(STEPS):
        g = 2 * (w * 14 / 3 - 28 / 3)
        total = total + g if accumulate else g
        w -= LR * total
    return w


def explain_error(exc):
    if "'NoneType' object has no attribute 'zero_'" in str(exc):
        return "ag-fix-grad-none"
    return None


def check(ns, run):
    w = expect_tensor(get(ns, "w"), "w")
    expect(w.is_leaf and w.requires_grad and tuple(w.shape) == (), "ag-fix-not-leaf")
    expect(not close(w, descend(accumulate=True), rtol=1e-4), "ag-fix-accumulates")
    expect(not close(w, 0.0), "ag-fix-cleared-too-early")
    expect_close(w, descend(accumulate=False), "w", rtol=1e-4)

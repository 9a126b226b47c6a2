from tl_check import *


def check(ns, run):
    X, y, w, idx = (run.given[k] for k in ("X", "y", "w", "idx"))
    expect(close(w, [0.5, 0.5, 0.5]), "changed-input", name="w")
    g = get(ns, "g")
    expect_shape(g, (3,), "g")
    Xb, yb = X[idx], y[idx]
    want = 2 * Xb.T @ (Xb @ w - yb) / len(idx)
    expect(not close(g, 2 * X.T @ (X @ w - y) / len(y), rtol=1e-4), "gd-mb-used-all")
    expect(not close(g, want * len(idx) / len(y), rtol=1e-4), "gd-mb-divided-by-n")
    expect(not close(g, want / 2, rtol=1e-4), "gd-mb-no-two")
    expect(not close(g, -want, rtol=1e-4), "gd-mb-sign")
    expect(not close(g, want * len(idx), rtol=1e-4), "gd-mb-sum-not-mean")
    expect_close(g, want, "g", rtol=1e-4, atol=1e-5)

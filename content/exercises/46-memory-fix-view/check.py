from tl_check import *


def explain_error(exc):
    if "view size is not compatible" in str(exc):
        return "mem-view-not-contiguous"
    return None


def check(ns, run):
    x = expect_tensor(get(ns, "x"), "x")
    expect(close(x, torch.arange(24.0).reshape(2, 3, 4)), "changed-input", name="x")
    flat = get(ns, "flat")
    expect_shape(flat, (2, 12), "flat")
    expect(not close(flat, x.reshape(2, 12)), "mem-flattened-untransposed")
    expect_close(flat, x.transpose(1, 2).reshape(2, 12), "flat")

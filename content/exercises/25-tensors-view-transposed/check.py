from tl_check import *


def explain_error(exc):
    if "view size is not compatible" in str(exc):
        return "tensors-view-needs-contiguous"
    return None


def check(ns, run):
    m = get(ns, "m")
    # m must be the very tensor setup made, with its values: a rebound or transposed m is a change.
    expect(same_object(m, run.given["m"]) and close(m, [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]),
           "changed-input", name="m")
    cols = get(ns, "cols")
    expect_shape(cols, (6,), "cols")
    # The row-by-row order is what view() gives without the transpose.
    expect(not close(cols, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]), "tensors-view-keeps-order")
    expect_close(cols, [1.0, 4.0, 2.0, 5.0, 3.0, 6.0], "cols")

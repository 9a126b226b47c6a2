from tl_check import *


def check(ns, run):
    x = get(ns, "x")
    expect(close(x, [1.0, 2.0, 3.0]), "changed-input", name="x")
    y = get(ns, "y")
    expect_tensor(y, "y")
    expect(same_object(y, run.given["y"]), "new-object")
    expect(not close(y, [10.0, 20.0, 30.0]), "not-updated")
    expect_close(y, [11.0, 22.0, 33.0], "y")

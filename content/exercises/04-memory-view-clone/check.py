from tl_check import *


def check(ns, run):
    x = get(ns, "x")
    v = get(ns, "v")
    expect_shape(v, (3,), "v")
    expect(shares_memory(v, x), "view-expected")
    c = get(ns, "c")
    expect_tensor(c, "c")
    expect(not same_object(c, x), "copy-is-same-object")
    expect(not shares_memory(c, x), "copy-shares-memory")
    expect_close(x, [100.0, 1.0, 2.0, 3.0, 4.0, 5.0], "x")
    expect_close(c, [100.0, -1.0, 2.0, 3.0, 4.0, 5.0], "c")

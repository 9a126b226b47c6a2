from tl_check import *


def check(ns, run):
    x = get(ns, "x")
    expect_shape(x, (3, 4), "x")
    expect_dtype(x, torch.float32, "x")
    expect_close(x, torch.ones(3, 4), "x")
    y = get(ns, "y")
    expect_shape(y, (2, 6), "y")
    expect(shares_memory(x, y), "used-copy")
    # torch.ones allocates one storage; a view allocates none.
    expect(run.storages <= 1, "used-copy")

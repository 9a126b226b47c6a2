from tl_check import *


def check(ns, run):
    v = expect_tensor(get(ns, "v"), "v")
    expect(same_object(v, run.given["v"]), "mem-momentum-new-object")
    expect(close(get(ns, "g"), [0.5, 0.5, 0.5]), "changed-input", name="g")
    expect(not close(v, [1.0, 2.0, 3.0]), "mem-momentum-not-updated")
    # 0.9 * (v + g): the right operations in the wrong order
    expect(not close(v, [1.35, 2.25, 3.15]), "mem-momentum-order")
    expect_close(v, [1.4, 2.3, 3.2], "v")
    expect_no_allocation(run, "mem-momentum-temporary")

from tl_check import *

TODAY = [20.5, 21.0, 19.5]
PROBE = [-1.0, -2.0, -3.0]


def check(ns, run):
    live = expect_tensor(get(ns, "live"), "live")
    snapshot = expect_tensor(get(ns, "snapshot"), "snapshot")
    # Write into the array the setup made (the reader may have rebound the name) and see
    # which tensor follows: the point of the exercise, graded by behaviour.
    buffer = run.given["readings"]
    buffer[:] = PROBE
    expect(close(live, PROBE), "numpy-live-copied")
    expect(not close(snapshot, PROBE), "numpy-snapshot-shares")
    expect_shape(snapshot, (3,), "snapshot")
    expect_close(snapshot, TODAY, "snapshot")

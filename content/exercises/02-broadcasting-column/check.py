from tl_check import *


def explain_error(exc):
    if "must match the size of tensor b" in str(exc):
        return "broadcast-row-not-column"
    return None


def check(ns, run):
    X = get(ns, "X")
    expect(same_object(X, run.given["X"]) and close(X, torch.arange(12.0).reshape(3, 4)),
           "changed-input", name="X")
    Y = get(ns, "Y")
    expect_shape(Y, (3, 4), "Y")
    expected = torch.arange(12.0).reshape(3, 4) + torch.tensor([[10.0], [20.0], [30.0]])
    expect_close(Y, expected, "Y")

from tl_check import *


def explain_error(exc):
    # X + c (or X + c.reshape(1, 3)): c's 3 numbers face X's last dimension, of size 4.
    if "must match the size of tensor b" in str(exc):
        return "bc-column-runs-along-row"
    return None


def check(ns, run):
    X = get(ns, "X")
    expected = torch.arange(12.0).reshape(3, 4) + torch.tensor([[10.0], [20.0], [30.0]])
    expect(same_object(X, run.given["X"]) and close(X, torch.arange(12.0).reshape(3, 4)),
           "changed-input", name="X")
    Y = expect_tensor(get(ns, "Y"), "Y")
    # X.t() + c: the right numbers, added along the transposed matrix.
    expect(not (tuple(Y.shape) == (4, 3) and close(Y.t(), expected)), "bc-column-transposed")
    expect_shape(Y, (3, 4), "Y")
    expect_close(Y, expected, "Y")

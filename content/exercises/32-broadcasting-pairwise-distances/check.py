from tl_check import *


def explain_error(exc):
    # P - Q (or any version where the 3 points still face the 4): 3 against 4 at dimension 0.
    if "must match the size of tensor b" in str(exc):
        return "bc-pairwise-no-new-dim"
    return None


def expected_distances():
    P = torch.tensor([[0.0, 0.0], [1.0, 2.0], [3.0, 1.0]])
    Q = torch.tensor([[1.0, 0.0], [0.0, 2.0], [2.0, 2.0], [4.0, 4.0]])
    return [[sum((P[i, k].item() - Q[j, k].item()) ** 2 for k in range(2)) for j in range(4)]
            for i in range(3)]


def check(ns, run):
    D = expect_tensor(get(ns, "D"), "D")
    expected = expected_distances()
    transposed = [list(col) for col in zip(*expected)]
    shape = tuple(D.shape)
    # P and Q swapped: every distance is there, but D[j, i] instead of D[i, j].
    expect(not (shape == (4, 3) and close(D, transposed)), "bc-pairwise-swapped")
    # Squared differences summed over the points of P (dim 0) or of Q (dim 1), not the coordinates.
    expect(shape not in ((4, 2), (3, 2)), "bc-pairwise-sum-dim", actual=list(shape))
    expect_shape(D, (3, 4), "D")
    expect_close(D, expected, "D")

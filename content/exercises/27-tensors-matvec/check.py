from tl_check import *


def explain_error(exc):
    text = str(exc)
    if "1D tensors expected" in text:
        return "tensors-dot-vectors-only"
    if "cannot be multiplied" in text or "size mismatch" in text:
        return "tensors-matmul-order"
    return None


def check(ns, run):
    y = expect_tensor(get(ns, "y"), "y")
    # A * x broadcasts x across A's rows: an elementwise (2, 3) result, not a product.
    expect(tuple(y.shape) != (2, 3), "tensors-elementwise-not-matmul")
    expect_shape(y, (2,), "y")
    expect_close(y, [-2.0, -2.0], "y")
    n = get(ns, "n")
    expect(not isinstance(n, torch.Tensor), "tensors-item-missing", name="n",
           got=type(n).__name__)
    expect(isinstance(n, (int, float)), "tensors-not-a-number", name="n", got=type(n).__name__)
    expect_close(n, 2.0, "n")

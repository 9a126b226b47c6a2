from tl_check import *


def explain_error(exc):
    if "leaf Variable that requires grad is being used in an in-place operation" in str(exc):
        return "needs-no-grad"
    # `w = w - lr * w.grad` made w a new tensor, whose .grad is None: `w.grad.zero_()` fails.
    if isinstance(exc, AttributeError) and "'NoneType' object has no attribute 'zero_'" in str(exc):
        return "param-replaced"
    return None


def check(ns, run):
    w = get(ns, "w")
    expect_tensor(w, "w")
    expect(same_object(w, run.given["w"]) and w.is_leaf and w.requires_grad, "param-replaced")
    # loss = mean((Xw - t)^2): grad = (2/n) X^T (Xw - t) = [-25, -36] at w = [1, -2].
    expect(not close(w, [-1.5, -5.6]), "gradient-ascent")
    expect_close(w, [3.5, 1.6], "w")
    expect(w.grad is None or close(w.grad, [0.0, 0.0]), "grad-not-zeroed")

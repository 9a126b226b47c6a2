from tl_check import *


def explain_error(exc):
    message = str(exc)
    if "Double" in message or "same dtype" in message:
        return "numpy-float64-meets-float32"
    return None


def check(ns, run):
    w = run.given["w"]
    expect(same_object(get(ns, "w"), w) and w.dtype == torch.float32, "numpy-model-converted")
    x = expect_tensor(get(ns, "x"), "x")
    expect(x.dtype != torch.float64, "numpy-x-not-converted")
    expect_dtype(x, torch.float32, "x")
    expect_close(x, [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], "x")
    pred = expect_tensor(get(ns, "pred"), "pred")
    expect_dtype(pred, torch.float32, "pred")
    expect_shape(pred, (3, 1), "pred")
    expect_close(pred, [[-1.5], [-2.5], [-3.5]], "pred")

from tl_check import *


def explain_error(exc):
    text = str(exc)
    if "must implement either the backward or vjp method" in text:
        return "ag-fn-no-backward"
    if "incorrect number of gradients" in text:
        return "ag-fn-grad-count"
    return None


def check(ns, run):
    Fn = get(ns, "Sigmoid")
    expect(isinstance(Fn, type) and issubclass(Fn, torch.autograd.Function), "ag-fn-not-function")
    # float64 on the CPU: gradcheck's finite differences need float64 (WebGPU has none)
    x = torch.tensor([-2.0, -0.5, 0.0, 0.7, 3.0], dtype=torch.float64, device="cpu",
                     requires_grad=True)
    s = torch.sigmoid(x.detach())
    expect_close(Fn.apply(x), s, "Sigmoid.apply(x)")
    # One backward pass with an upstream gradient that is not all ones tells the usual slips apart.
    g = torch.tensor([1.0, 2.0, -1.0, 0.5, 3.0], dtype=torch.float64, device="cpu")
    try:
        (grad,) = torch.autograd.grad(Fn.apply(x), x, g, allow_unused=True)
    except Exception as exc:
        raise Feedback("ag-fn-backward-raised", message=f"{type(exc).__name__}: {exc}")
    expect(grad is not None, "ag-fn-no-gradient")
    expect(not close(grad, s * (1 - s)), "ag-fn-ignores-grad-output")
    sy = torch.sigmoid(s)
    expect(not close(grad, g * sy * (1 - sy)), "ag-fn-formula-of-y")
    try:
        ok = torch.autograd.gradcheck(Fn.apply, (x,), raise_exception=False)
    except Exception as exc:
        raise Feedback("ag-fn-backward-raised", message=f"{type(exc).__name__}: {exc}")
    expect(ok, "ag-fn-gradcheck-failed")

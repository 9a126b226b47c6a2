from tl_check import *


def explain_error(exc):
    # On the GPU, moving a float64 tensor raises before any check can look at x.
    if "float64" in str(exc):
        return "gpu-float64"
    return None


def check(ns, run):
    x = expect_tensor(get(ns, "x"), "x")
    expect(x.dtype != torch.float64, "gpu-float64")
    expect_dtype(x, torch.float32, "x")
    device = ns["device"]
    # Only on a GPU can x be elsewhere: there `device` is cuda and a forgotten move leaves x on cpu.
    expect(x.device.type == device.type, "gpu-wrong-device", name="x", actual=x.device,
           device=device)
    expect_close(x, [1.5, 2.0, 3.5, 4.0], "x")
    mean = get(ns, "mean")
    expect(isinstance(mean, float), "gpu-not-read-back", name="mean", got=type(mean).__name__)
    expect_close(mean, 2.75, "mean")

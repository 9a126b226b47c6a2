from tl_check import *

# Errors that mean "a new tensor was made on a fixed device": two devices in one operation, or
# a device this machine does not have (PyTorch's and Torchlit's words for a missing GPU).
DEVICE_ERRORS = ("same device", "not compiled with CUDA", "NVIDIA driver", "CUDA error")


def _device_error(exc):
    return any(words in str(exc) for words in DEVICE_ERRORS)


def explain_error(exc):
    if _device_error(exc):
        return "gpu-fixed-device"
    return None


def _call(f, S, rows):
    """Calls the reader's function on S; checks where the result is, its dtype and values."""
    before = S.clone()
    try:
        result = f(S)
    except Exception as exc:
        if _device_error(exc):
            raise Feedback("gpu-fixed-device")
        raise Feedback("code-raised", type=type(exc).__name__, message=str(exc))
    expect(close(S, before), "gpu-input-changed")
    name = "zero_diagonal(S)"
    expect_shape(result, (len(rows), len(rows)), name)
    expect(result.device == S.device, "gpu-fixed-device")
    expect(result.dtype == S.dtype, "gpu-not-like-input", actual=result.dtype, expected=S.dtype)
    expected = [[0 if i == j else v for j, v in enumerate(row)] for i, row in enumerate(rows)]
    expect_close(result, expected, name)


def check(ns, run):
    f = get(ns, "zero_diagonal")
    expect(callable(f), "gpu-not-a-function", name="zero_diagonal")
    device = run.given["device"]
    # First an integer S on the default device (where a tensor made without device= lands), so
    # each mistake is told the same on every machine and with either choice on the page: a
    # matrix made with the defaults shows itself by its float32 dtype, never by its device.
    default = torch.empty(0).device
    _call(f, torch.tensor([[5, 2], [2, 7]], device=default), [[5, 2], [2, 7]])
    # Then the S the reader was given (on `device`), and an integer S there too.
    _call(f, run.given["S"], [[1.0, 0.8, 0.1], [0.8, 1.0, 0.4], [0.1, 0.4, 1.0]])
    _call(f, torch.tensor([[5, 2], [2, 7]], device=device), [[5, 2], [2, 7]])
    # Then one S on each device this machine has: a tensor on a fixed device fails on the other.
    for d in ["cpu", "cuda"] if torch.cuda.is_available() else ["cpu"]:
        _call(f, torch.tensor([[2.0, -1.0], [-1.0, 2.0]], device=d), [[2.0, -1.0], [-1.0, 2.0]])

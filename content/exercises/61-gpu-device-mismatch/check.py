from tl_check import *


def explain_error(exc):
    message = str(exc)
    if "same device" in message:
        return "gpu-batch-left-behind"
    if "float64" in message or "Double" in message:
        return "gpu-batch-still-float64"
    return None


def check(ns, run):
    device = run.given["device"]
    for name in ("w", "b"):
        given = run.given[name]
        t = get(ns, name)
        expect(same_object(t, given) and t.dtype == torch.float32 and t.device == given.device,
               "gpu-model-moved", name=name)
    pred = expect_tensor(get(ns, "pred"), "pred")
    expect(pred.device.type == device.type, "gpu-wrong-device", name="pred", actual=pred.device,
           device=device)
    expect(pred.dtype != torch.float64, "gpu-batch-still-float64")
    expect_dtype(pred, torch.float32, "pred")
    expect_shape(pred, (2, 1), "pred")
    expect_close(pred, [[4.6], [9.1]], "pred")

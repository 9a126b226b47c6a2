from tl_check import *
from torch import nn


def explain_error(exc):
    text = str(exc)
    if "before Module.__init__() call" in text:
        return "pytorch-forgot-super"
    if "mat1 and mat2 shapes cannot be multiplied" in text:
        return "pytorch-layer-sizes"
    if "'NoneType' object has no attribute" in text:
        return "pytorch-forward-no-return"
    if "object is not callable" in text:
        return "pytorch-not-a-module"
    return None


def _affine_gap(net):
    # An affine map f (Linear after Linear, nothing between) has f(p) + f(-p) == 2 f(0) for
    # every p. A nonlinearity such as ReLU breaks that for inputs this large.
    probes = torch.tensor([[10.0, -10.0, 10.0, -10.0],
                           [10.0, 10.0, -10.0, 10.0],
                           [-10.0, 5.0, 10.0, 5.0]])
    with torch.no_grad():
        gap = net(probes) + net(-probes) - 2 * net(torch.zeros(1, 4))
    return gap.abs().max().item()


def check(ns, run):
    net = get(ns, "net")
    expect(isinstance(net, nn.Module), "pytorch-not-a-module")
    try:
        out = net(torch.rand(8, 4))
    except Exception as exc:  # the reader's layers, called by the check: explain, don't crash
        found = explain_error(exc)
        if found:
            raise Feedback(found)
        raise Feedback("code-raised", type=type(exc).__name__, message=str(exc))
    expect(out is not None, "pytorch-forward-no-return")
    expect_shape(out, (8, 2), "net(x)")
    count = sum(p.numel() for p in net.parameters())
    expect(count == 114, "pytorch-param-count", count=count)
    expect(_affine_gap(net) > 1e-3, "pytorch-no-activation")

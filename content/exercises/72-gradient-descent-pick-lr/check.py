import math

from tl_check import *


def check(ns, run):
    lr = get(ns, "lr")
    if isinstance(lr, torch.Tensor) and lr.numel() == 1:
        lr = lr.item()
    expect(isinstance(lr, (int, float)) and not isinstance(lr, bool), "gd-lr-not-a-number",
           got=type(lr).__name__)
    lr = float(lr)
    expect(lr > 0, "gd-lr-not-positive", lr=lr)
    # Run the loop again with the reader's learning rate: only lr is graded, not their loop.
    curv = torch.tensor([1.0, 10.0])
    theta = torch.tensor([1.0, 1.0])
    for _ in range(50):
        theta = theta - lr * 2 * curv * theta
    shallow, steep = (curv * theta**2).tolist()
    loss = shallow + steep
    expect(math.isfinite(loss) and loss <= 11.0, "gd-lr-diverges", lr=lr)
    if loss < 1e-6:
        return
    # Which direction holds what is left of the loss tells too large from too small.
    expect(steep <= shallow, "gd-lr-at-limit", lr=lr, loss=f"{loss:.3g}")
    expect(False, "gd-lr-too-slow", lr=lr, loss=f"{loss:.3g}")

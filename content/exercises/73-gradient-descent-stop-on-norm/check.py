import math

from tl_check import *


def _descend(theta0, lr, tol, max_steps, stop):
    """Gradient descent on θ1² + 10·θ2² that stops when stop(gradient, theta) says so."""
    curv = torch.tensor([1.0, 10.0])
    theta = theta0.clone()
    steps = 0
    while steps < max_steps:
        g = 2 * curv * theta
        if stop(g, theta, curv):
            break
        theta = theta - lr * g
        steps += 1
    return theta, steps


def check(ns, run):
    start = [1.0, 1.0]
    expect(close(run.given["theta0"], start), "changed-input", name="theta0")
    theta = get(ns, "theta")
    expect_shape(theta, (2,), "theta")
    steps = get(ns, "steps")
    if isinstance(steps, torch.Tensor) and steps.numel() == 1:
        steps = steps.item()
    expect(isinstance(steps, int) and not isinstance(steps, bool), "gd-stop-steps-not-int",
           got=type(steps).__name__)
    lr, tol, max_steps = 0.08, 1e-3, 500
    theta0 = torch.tensor(start)
    loss = (torch.tensor([1.0, 10.0]) * theta.detach() ** 2).sum().item()
    expect(math.isfinite(loss) and loss < 11.0, "gd-stop-ascent")

    def by_norm(g, theta, curv):
        return torch.linalg.norm(g).item() < tol

    def by_loss(g, theta, curv):
        return (curv * theta**2).sum().item() < tol

    def by_squared_norm(g, theta, curv):
        return (g**2).sum().item() < tol

    want, want_steps = _descend(theta0, lr, tol, max_steps, by_norm)
    for stop, id in ((by_loss, "gd-stop-on-loss"), (by_squared_norm, "gd-stop-norm-squared")):
        other, other_steps = _descend(theta0, lr, tol, max_steps, stop)
        expect(not (steps == other_steps and close(theta, other)), id, steps=steps, want=want_steps)
    expect_close(theta, want, "theta")
    expect(abs(steps - want_steps) != 1, "gd-stop-count-off", steps=steps, want=want_steps)
    expect(steps == want_steps, "gd-stop-wrong-steps", steps=steps, want=want_steps)

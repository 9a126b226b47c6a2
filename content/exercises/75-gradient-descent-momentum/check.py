from tl_check import *


def explain_error(exc):
    if "leaf Variable that requires grad is being used in an in-place operation" in str(exc):
        return "needs-no-grad"
    return None


def _reference(lr, mu, steps):
    """What torch.optim.SGD with momentum gives: the answer."""
    p = torch.tensor([1.0, 1.0], requires_grad=True)
    opt = torch.optim.SGD([p], lr=lr, momentum=mu)
    for _ in range(steps):
        opt.zero_grad()
        (torch.tensor([1.0, 10.0]) * p**2).sum().backward()
        opt.step()
    return p.detach()


def _variant(lr, mu, steps, kind):
    """The trajectories of the usual wrong loops, with the gradient (2θ1, 20θ2) by hand."""
    curv = torch.tensor([1.0, 10.0])
    theta = torch.tensor([1.0, 1.0])
    v = torch.zeros(2)
    acc = torch.zeros(2)  # what .grad holds when it is never cleared
    for _ in range(steps):
        g = 2 * curv * theta
        if kind == "dampened":
            v = mu * v + (1 - mu) * g
            theta = theta - lr * v
        elif kind == "accumulates":
            acc = acc + g
            v = mu * v + acc
            theta = theta - lr * v
        elif kind == "stale":
            theta = theta - lr * v
            v = mu * v + g
        elif kind == "plain":
            theta = theta - lr * g
    return theta


def check(ns, run):
    theta = get(ns, "theta")
    expect_tensor(theta, "theta")
    expect(same_object(theta, run.given["theta"]) and theta.is_leaf and theta.requires_grad,
           "gd-mom-param-replaced")
    lr, mu, steps = 0.02, 0.9, 30
    want = _reference(lr, mu, steps)
    if not close(theta, want, rtol=1e-4, atol=1e-6):
        # The loops learners get wrong, recognised by where they end up.
        for kind, id in (("plain", "gd-mom-no-momentum"), ("dampened", "gd-mom-dampened"),
                         ("accumulates", "gd-mom-grad-accumulates"),
                         ("stale", "gd-mom-stale-velocity")):
            expect(not close(theta, _variant(lr, mu, steps, kind), rtol=1e-4, atol=1e-6), id)
        loss = (torch.tensor([1.0, 10.0]) * theta.detach() ** 2).sum().item()
        expect(not loss > 11.0, "gd-mom-ascent")  # 11 is the loss at the start, (1, 1)
    expect_close(theta, want, "theta", rtol=1e-4, atol=1e-6)
    expect(theta.grad is None or close(theta.grad, [0.0, 0.0]), "gd-mom-grad-left")

import torch
curv = torch.tensor([1.0, 10.0])  # L(θ) = θ1² + 10·θ2², minimum 0 at (0, 0)


def L(theta):
    return (curv * theta**2).sum()


def grad_L(theta):  # (2θ1, 20θ2)
    return 2 * curv * theta


theta0 = torch.tensor([1.0, 1.0])  # the start
lr = 0.08
tol = 1e-3       # stop once the gradient's length is below this
max_steps = 500  # and never take more steps than this

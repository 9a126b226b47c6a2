import torch
curv = torch.tensor([1.0, 10.0])  # L(θ) = θ1² + 10·θ2², minimum 0 at (0, 0)


def L(theta):
    return (curv * theta**2).sum()


def grad_L(theta):  # (2θ1, 20θ2)
    return 2 * curv * theta

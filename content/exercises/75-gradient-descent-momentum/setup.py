import torch
curv = torch.tensor([1.0, 10.0])


def L(theta):  # θ1² + 10·θ2²
    return (curv * theta**2).sum()


theta = torch.tensor([1.0, 1.0], requires_grad=True)  # the parameter
lr, mu, steps = 0.02, 0.9, 30

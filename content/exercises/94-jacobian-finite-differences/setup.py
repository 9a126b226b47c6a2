import torch


def f(x):  # from R^2 to R^2
    return torch.stack([x[0] ** 3, x[0] * x[1].exp()])


x = torch.tensor([1.0, 0.5], dtype=torch.float64)
h = 1e-4
J = torch.autograd.functional.jacobian(f, x)  # what autograd says

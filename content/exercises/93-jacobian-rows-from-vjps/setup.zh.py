import torch


def f(x):  # 从 R^3 到 R^2
    return torch.stack([x[0] * x[1] * x[2], x[0] + 2 * x[1] ** 2])


x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = f(x)

# torch.normal with a mean or std that requires grad: the three overloads' nodes, and their
# zero gradients (a draw does not move with its parameters in PyTorch 1.13).
import torch

torch.manual_seed(0)
mean = torch.zeros(3, requires_grad=True)
std = torch.ones(3, requires_grad=True)
a = torch.normal(mean, std)
b = torch.normal(mean, 2.0)
c = torch.normal(0.0, std)
print(a.grad_fn.name(), b.grad_fn.name(), c.grad_fn.name())
(a.sum() + b.sum() + c.sum()).backward()
print(mean.grad, std.grad)

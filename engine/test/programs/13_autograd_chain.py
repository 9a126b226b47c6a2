# The chain rule through a small computation, grad_fn names, and torch.autograd.grad.
import torch

x = torch.tensor(2.0, requires_grad=True)
y = x ** 2
z = 3 * y + torch.exp(x)
print(y.grad_fn.name(), z.grad_fn.name())
z.backward()
print(x.grad)
u = torch.tensor([1.0, 2.0], requires_grad=True)
v = (u * u).sum()
(g,) = torch.autograd.grad(v, u)
print(g)
print(u.grad)
p = torch.tensor([3.0], requires_grad=True)
q = p * p
q.sum().backward(retain_graph=True)
q.sum().backward()
print(p.grad)
w = torch.ones(2, requires_grad=True)
h = w.mean()
h.backward()
print(w.grad)
try:
    h.backward()
except RuntimeError as e:
    print(e)

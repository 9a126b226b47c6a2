# Autograd: leaves, grad_fn, backward and accumulation into .grad.
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print(x)
print(x.is_leaf, x.requires_grad, x.grad_fn)
y = x * x
print(y)
print(y.is_leaf, type(y.grad_fn).__name__, y.grad_fn.name())
z = y.sum()
print(z)
z.backward()
print(x.grad)
z2 = (x * 3).sum()
z2.backward()
print(x.grad)
x.grad.zero_()
print(x.grad)
w = torch.tensor(2.0, requires_grad=True)
out = w ** 3 + 2 * w
out.backward()
print(w.grad)
a = torch.ones(2, 2, requires_grad=True)
b = a * 2
b.backward(torch.ones(2, 2))
print(a.grad)

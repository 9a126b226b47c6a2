# torch.autograd.functional: jacobian (tensor and tuple inputs/outputs, independent outputs,
# create_graph), hessian, vjp and jvp, for the Jacobian lesson.
import torch
from torch.autograd.functional import hessian, jacobian, jvp, vjp

def f(x):
    return x ** 2 + x.sum()
x = torch.tensor([1.0, 2.0, 3.0])
print(jacobian(f, x))
def g(x, y):
    return x * y, (x + y).sum()
a, b = torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0])
print(jacobian(g, (a, b)))
print(jacobian(lambda m: m @ m, torch.tensor([[1.0, 2.0], [3.0, 4.0]])).shape)
print(jacobian(lambda x: torch.ones(2), x))
print(hessian(lambda x: (x ** 3).sum(), x))
print(hessian(lambda x, y: (x * y).sum(), (a, b)))
print(vjp(f, x, torch.ones(3)))
print(jvp(f, x, torch.tensor([1.0, 0.0, 0.0])))
print(vjp(lambda x: (x ** 2).sum(), x))
J = jacobian(torch.sin, torch.tensor([0.0, 1.0]))
print(J, J.requires_grad)
print(jacobian(torch.exp, torch.tensor([0.0, 1.0]), create_graph=True).requires_grad)
try:
    jacobian(f, [1.0])
except TypeError as e:
    print("TypeError:", e)

import torch

# backward(inputs=...): only the listed tensors' .grad receive their gradients.
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
loss = (a * b).sum()
loss.backward(inputs=[a], retain_graph=True)
print(a.grad, b.grad)
loss.backward(inputs=[a, b], retain_graph=True)
print(a.grad, b.grad)
torch.autograd.backward(loss, inputs=b)
print(a.grad, b.grad)

# A non-leaf input gets a .grad too, and the leaves below it get none.
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
h = x * 2
out = (h ** 2).sum()
out.backward(inputs=[h])
print(h.grad, x.grad)

# A leaf's hook runs before its gradient is added in.
w = torch.tensor(2.0, requires_grad=True)
w.register_hook(lambda g: g * 10)
(w * 3).backward(inputs=[w])
print(w.grad)

# create_graph keeps the accumulated gradient differentiable.
v = torch.tensor(3.0, requires_grad=True)
(v ** 3).backward(inputs=[v], create_graph=True)
print(v.grad)
(g2,) = torch.autograd.grad(v.grad, v)
print(g2)

# An input the loss does not reach keeps its .grad; one that needs no grad is an error.
u = torch.tensor(1.0, requires_grad=True)
(a * 2).sum().backward(inputs=[u])
print(u.grad, a.grad)
try:
    (a * 2).sum().backward(inputs=[torch.ones(2)])
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    (a * 2).sum().backward(inputs=[])
except RuntimeError as e:
    print("RuntimeError:", e)

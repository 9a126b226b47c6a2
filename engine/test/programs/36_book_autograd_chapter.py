# The seed book's tensor and autograd chapters (Dive-into-DL-PyTorch 2.2-2.3) as written, with
# grad_fn printed by class name: x.data *= 100 is not seen by autograd (x.data has its own version
# counter) and x keeps its gradient (x.data = ... keeps the tensor, as set_data does).
import torch
torch.manual_seed(0)
x = torch.ones(2, 2, requires_grad=True)
print(x); print(x.grad_fn)
y = x + 2
print(y); print(type(y.grad_fn).__name__)
print(x.is_leaf, y.is_leaf)
z = y * y * 3
out = z.mean()
print(z, out)
a = torch.randn(2, 2)
a = ((a * 3) / (a - 1))
print(a.requires_grad)
a.requires_grad_(True)
print(a.requires_grad)
b = (a * a).sum()
print(type(b.grad_fn).__name__)
out.backward()
print(x.grad)
out2 = x.sum()
out2.backward()
print(x.grad)
out3 = x.sum()
x.grad.data.zero_()
out3.backward()
print(x.grad)
x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
y = 2 * x
z = y.view(2, 2)
print(z)
v = torch.tensor([[1.0, 0.1], [0.01, 0.001]], dtype=torch.float)
z.backward(v)
print(x.grad)
x = torch.tensor(1.0, requires_grad=True)
y1 = x ** 2
with torch.no_grad():
    y2 = x ** 3
y3 = y1 + y2
print(x.requires_grad)
print(y1, y1.requires_grad)
print(y2, y2.requires_grad)
print(y3, y3.requires_grad)
y3.backward()
print(x.grad)
x = torch.ones(1, requires_grad=True)
print(x.data)
print(x.data.requires_grad)
y = 2 * x
x.data *= 100
y.backward()
print(x)
print(x.grad)
x = torch.empty(5, 3)
x = torch.zeros(5, 3, dtype=torch.long)
x = torch.tensor([5.5, 3])
x = x.new_ones(5, 3, dtype=torch.float64)
x = torch.randn_like(x, dtype=torch.float)
print(x.size(), x.shape)
y = torch.rand(5, 3)
print(torch.add(x, y).shape)
result = torch.empty(5, 3)
torch.add(x, y, out=result)
y.add_(x)
print(x[0, :].shape)
y = x.view(15); z = x.view(-1, 5)
print(x.size(), y.size(), z.size())
x_cp = x.clone().view(15)
x -= 1
print(x.shape, x_cp.shape)
x = torch.randn(1)
print(x.item() == x[0].item())
x = torch.arange(1, 3).view(1, 2)
y = torch.arange(1, 4).view(3, 1)
print(x + y)
x = torch.tensor([1, 2]); y = torch.tensor([3, 4])
id_before = id(y)
y = y + x
print(id(y) == id_before)
x = torch.tensor([1, 2]); y = torch.tensor([3, 4])
id_before = id(y)
y[:] = y + x
print(id(y) == id_before)
id_before = id(y)
torch.add(x, y, out=y)
y += x
y.add_(x)
print(id(y) == id_before)
a = torch.ones(5)
b = a.numpy()
print(a, b)
a += 1
print(a, b)
b += 1
print(a, b)
import numpy as np
a = np.ones(5)
b = torch.from_numpy(a)
print(a, b)
a += 1
print(a, b)
c = torch.tensor(a)
a += 1
print(a, c)

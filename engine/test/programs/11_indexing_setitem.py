# Reading and writing through indices: ints, slices, None, Ellipsis.
import torch

x = torch.zeros(3, 4)
x[0] = 1
x[1, 2] = 5
x[:, 3] = torch.tensor([7.0, 8.0, 9.0])
x[2, :2] = -1
print(x)
print(x[0], x[-1, -1], x[1:3, 1:3])
print(x[..., 1])
print(x[None, 0].shape, x[:, None].shape)
print(x[::2])
y = torch.arange(10)
print(y[2:8:3], y[-3:])
print(y[5:2])
v = y[1:4]
v += 100
print(y)
print(x.size(), x[0:0].shape)

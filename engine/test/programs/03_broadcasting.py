# Broadcasting: aligning shapes from the right, and the error when they do not fit.
import torch

x = torch.arange(3).view(3, 1)
y = torch.arange(2).view(1, 2)
print(x)
print(y)
print(x + y)
print((x + y).shape)
m = torch.ones(2, 3)
print(m + torch.tensor([1.0, 2.0, 3.0]))
print(m * torch.tensor([[2.0], [3.0]]))
try:
    torch.ones(2, 3) + torch.ones(2)
except RuntimeError as e:
    print("RuntimeError:", e)
z = torch.zeros(3)
z += torch.tensor(5.0)
print(z)
try:
    w = torch.zeros(3)
    w += torch.ones(2, 3)
except RuntimeError as e:
    print("RuntimeError:", e)

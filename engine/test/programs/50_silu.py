# SiLU as a module and as F.silu, in a small network: its repr, values, in place, gradients.
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(3, 4), nn.SiLU(), nn.Linear(4, 1))
print(net)
print(nn.SiLU(inplace=True))
x = torch.randn(2, 3)
y = net(x)
print(y)
y.sum().backward()
print(net[0].weight.grad)
h = torch.tensor([-3.0, -0.5, 0.0, 0.5, 3.0])
print(F.silu(h), h * torch.sigmoid(h))
g = h.clone()
print(F.silu(g, inplace=True) is g, g)
try:
    F.silu(torch.arange(3))
except RuntimeError as e:
    print("RuntimeError:", e)

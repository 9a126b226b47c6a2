# torch.nn.utils.clip_grad_norm_ / clip_grad_value_: the total norm returned, gradients scaled
# in place only when above max_norm, the inf norm, and the non-finite error.
import math

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 1))
x = torch.randn(8, 4)
(model(x) ** 2).sum().backward()
g0 = model[0].weight.grad.clone()
total = nn.utils.clip_grad_norm_(model.parameters(), 1.0)
print(total)
print(torch.stack([p.grad.norm() for p in model.parameters()]).norm())
print(torch.allclose(model[0].weight.grad, g0 * (1.0 / (total + 1e-6))))
print(nn.utils.clip_grad_norm_(model.parameters(), 100.0))
print(nn.utils.clip_grad_norm_(model.parameters(), 0.5, norm_type=math.inf))
print(nn.utils.clip_grad_norm_(model[2].weight, 0.1, norm_type=1))
print(model[2].weight.grad)
nn.utils.clip_grad_value_(model.parameters(), 0.01)
print(model[0].bias.grad)
print(nn.utils.clip_grad_norm_([torch.zeros(2, requires_grad=True)], 1.0))
w = torch.ones(2, requires_grad=True)
w.grad = torch.tensor([float("nan"), 1.0])
try:
    nn.utils.clip_grad_norm_([w], 1.0, error_if_nonfinite=True)
except RuntimeError as e:
    print("RuntimeError:", e)

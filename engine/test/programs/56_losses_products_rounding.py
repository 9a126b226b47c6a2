# API the book's and tutorials' code reaches for beyond the basics: the robust regression losses
# (Huber / smooth L1, as functions and modules), addmm / addmv / cross, and round(decimals=).
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
pred = torch.randn(16, 3, requires_grad=True)
target = torch.randn(16, 3) * 2
for loss_fn in (nn.HuberLoss(), nn.HuberLoss(delta=0.5), nn.SmoothL1Loss(), nn.SmoothL1Loss(beta=2.0), nn.L1Loss()):
    loss = loss_fn(pred, target)
    pred.grad = None
    loss.backward()
    print(type(loss_fn).__name__, f"{loss.item():.6f}", loss.grad_fn.name(), pred.grad[0])
print(F.huber_loss(pred, target, reduction="none")[:2], F.smooth_l1_loss(pred, target, reduction="sum"))
print(F.smooth_l1_loss(pred, target, beta=0.0), F.huber_loss(pred, target, delta=10.0))

bias = torch.zeros(3, requires_grad=True)
w = torch.randn(4, 3, requires_grad=True)
x = torch.randn(5, 4)
out = torch.addmm(bias, x, w)
out.sum().backward()
print(out, bias.grad, w.grad.shape, torch.addmm(bias, x, w, beta=0.5, alpha=2.0).shape)
print(torch.addmv(torch.ones(5, requires_grad=True), x, torch.ones(4)), x.new_ones(5).addmv(x, torch.ones(4), alpha=-1))
a = torch.tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], requires_grad=True)
b = torch.tensor([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
c = torch.linalg.cross(a, b)
c.sum().backward()
print(c, a.grad, torch.cross(a.t(), b.t(), dim=0), a.cross(b))
try:
    torch.linalg.cross(torch.ones(2, 2), torch.ones(2, 2))
except RuntimeError as e:
    print("RuntimeError:", e)

v = torch.tensor([1.2345, -2.3456, 0.125, 1234.5678], requires_grad=True)
r = v.round(decimals=2)
r.sum().backward()
print(r, torch.round(v, decimals=-2), v.grad, r.grad_fn.name())
print(torch.tensor([0.5, 1.5, 2.5, -0.5]).round(), torch.tensor([1.25, 2.35]).round_(decimals=1))

labels = torch.tensor([0, 2, 2, 1, 2, 4])
print(torch.bincount(labels), labels.bincount(minlength=6), torch.bincount(labels, weights=torch.linspace(0, 1, 6)))

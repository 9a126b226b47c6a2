# Order statistics as tutorials use them (robust statistics, a median baseline, majority votes):
# median of a tensor and along a dim with its index, kthvalue, mode and quantile, with ties, NaN,
# keepdim and gradients.
import torch

torch.manual_seed(0)
scores = torch.randint(0, 5, (4, 9)).float().requires_grad_()
print(scores.median(), torch.median(scores, dim=1), scores.median(0, keepdim=True))
print(scores.kthvalue(3, dim=1), torch.kthvalue(scores, 2, 0, True).indices)
m = scores.median(dim=1)
(m.values.sum() + scores.kthvalue(5, dim=1).values.sum() + scores.median()).backward()
print(scores.grad)
x = torch.randn(1000)
print(repr(x.median().item()), x.kthvalue(500), x.kthvalue(1).values == x.min(), x.kthvalue(1000).values == x.max())
print(torch.tensor([1.0, float("nan"), 0.0]).median(), torch.tensor([[2.0, float("nan"), 1.0, float("nan")]]).median(1))
print(torch.tensor([2.0, float("nan"), 1.0, 3.0]).kthvalue(4), torch.tensor([4, 1, 3, 2]).median(), torch.tensor(7.0).median(0))
try:
    x.kthvalue(1001)
except RuntimeError as e:
    print("RuntimeError:", e)

# mode: the most frequent value of each slice, with PyTorch's index among its copies.
votes = torch.randint(0, 4, (5, 25))
print(votes.mode(1), torch.mode(votes, 0, keepdim=True).values, torch.tensor([1, 2, 2, 3, 3]).mode())
w = torch.randint(0, 3, (4, 12)).float().requires_grad_()
w.mode(1).values.sum().backward()
print(w.grad.sum(1), w.mode(1).values.grad_fn.name(), w.median(1).values.grad_fn.name())

# quantile (built on sort, gather and lerp, as PyTorch composes it) and lerp itself.
z = torch.randn(1000)
print(torch.quantile(z, torch.tensor([0.05, 0.25, 0.5, 0.75, 0.95])), z.quantile(0.5) == z.median())
grid = torch.randn(3, 8, requires_grad=True)
qs = torch.quantile(grid, torch.tensor([0.1, 0.9]), dim=1, keepdim=True)
qs.sum().backward()
print(qs, grid.grad.sum(1), torch.quantile(grid, 0.4, dim=0, interpolation="nearest"))
start, end = torch.zeros(4), torch.tensor([1.0, 2.0, 3.0, 4.0])
print(torch.lerp(start, end, 0.25), start.lerp(end, torch.tensor([0.0, 0.4, 0.6, 1.0])))
w = torch.tensor([0.2, 0.7], requires_grad=True)
print(torch.lerp(torch.zeros(2, requires_grad=True), torch.ones(2), 0.3), torch.lerp(torch.zeros(2), torch.ones(2), w))

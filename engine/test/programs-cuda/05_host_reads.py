# Ops that need values on the host before they can shape their result (nonzero, masks, range
# checks, loss input checks) work on cuda tensors: Python reads them through JSPI and replays.
import torch
import torch.nn.functional as F

x = torch.tensor([[0.5, -1.0, 2.0], [0.0, 3.0, -4.0]], device="cuda")
print(x.nonzero())
print(torch.nonzero(x > 0, as_tuple=True))
print(x[x > 0])
print(x.masked_select(x < 0))
print(torch.where(x < 0))
y = x.clone()
y[y < 0] = 0.0
print(y)
print(x.index_select(1, torch.tensor([2, 0], device="cuda")))
print(x[:, torch.tensor([True, False, True], device="cuda")])
print(x.masked_fill(torch.tensor([[1, 0, 0], [0, 0, 1]], device="cuda").bool(), 9.0))
try:
    x.masked_fill(torch.tensor([[1, 0, 2], [0, 0, 1]], device="cuda"), 9.0)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    x.index_select(1, torch.tensor([3], device="cuda"))
except (IndexError, RuntimeError) as e:
    print(type(e).__name__, e)
p = torch.tensor([0.2, 0.9, 0.5], device="cuda")
print(F.binary_cross_entropy(p, torch.tensor([0.0, 1.0, 1.0], device="cuda")))
try:
    F.binary_cross_entropy(p * 2, torch.tensor([0.0, 1.0, 1.0], device="cuda"))
except RuntimeError as e:
    print("RuntimeError:", e)
print(F.cross_entropy(x, torch.tensor([2, 1], device="cuda")))
w = torch.tensor([[2.0, 0.0, 3.0], [1.0, 4.0, 0.0]], device="cuda", requires_grad=True)
w.prod().backward()
print(w.grad)
w.grad = None
w.prod(1).sum().backward()
print(w.grad)
v = torch.tensor([1.0, 2.0, 3.0], device="cuda", requires_grad=True)
v.prod().backward()
print(v.grad)
if (x > 2).any():
    print("some above 2:", (x > 2).sum().item())
print(torch.normal(torch.zeros(2, device="cuda"), torch.ones(2, device="cuda")).shape)

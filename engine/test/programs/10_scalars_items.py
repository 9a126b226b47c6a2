# Converting between tensors and Python values: item, tolist, float, int, bool, iteration.
import torch

t = torch.tensor([[1.5, 2.0], [3.0, 4.25]])
print(t.tolist())
print(t[0, 1].item(), type(t[0, 1].item()))
print(torch.tensor([1, 2, 3]).tolist())
print(torch.tensor([True, False]).tolist())
print(float(torch.tensor(2)), int(torch.tensor(2.9)), bool(torch.tensor(0.0)))
for row in t:
    print(row)
print([v.item() for v in torch.arange(3)])
print(f"{torch.tensor(3.14159):.2f}")
print(torch.tensor(2.0) > 1, 3 in torch.arange(5))
s = torch.tensor(5)
print(list(range(s)))
print(torch.is_tensor(t), torch.is_tensor([1]))
print(t.shape[-1], t.size(-1), tuple(t.shape))
print(t.numel(), t.dim(), t.ndim)

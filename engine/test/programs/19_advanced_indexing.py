# Advanced indexing: masks, integer lists and tensors mixed with slices; writes go through.
import torch

x = torch.arange(20).reshape(4, 5)
print(x[x % 2 == 0])
print(x[[0, 2, 3]])
print(x[:, [4, 0]])
print(x[[1, 3], [0, 4]])
print(x[torch.tensor([[0, 1], [2, 3]])])
print(x[1:, torch.tensor([True, False, True, False, True])])
print(x[..., 2], x[None, [0]].shape)
idx = torch.tensor([3, 1])
y = x[idx]
y[0, 0] = -1
print(y, x[3, 0])
x[x > 15] = 0
print(x)
x[[0, 0], [1, 2]] = torch.tensor([-5, -6])
print(x)
x[:, [0, 4]] = 7
print(x)
f = torch.zeros(5)
f[torch.tensor([0, 0, 2])] += 1
print(f)
f.index_put_((torch.tensor([1, 1]),), torch.tensor(2.0), accumulate=True) if hasattr(f, "index_put_") else None
print(f)
scores = torch.tensor([[0.1, 0.9], [0.8, 0.2], [0.4, 0.6]])
labels = torch.tensor([1, 0, 0])
print(scores[torch.arange(3), labels])
print(scores.argmax(dim=1) == labels)
print(torch.where(scores > 0.5))
print(torch.where(scores > 0.5, scores, torch.zeros_like(scores)))
vals, order = torch.sort(scores[:, 0], descending=True)
print(vals, order, scores[order])
print(torch.topk(scores.flatten(), k=3))
print(torch.cat([scores, scores], dim=0).shape, torch.stack([scores, scores], dim=2).shape)
print(torch.flip(scores, dims=[0]))
print(x.masked_select(x > 5))

# Changing shapes: view, reshape, transpose, permute, squeeze, unsqueeze, flatten, expand.
import torch

x = torch.arange(24)
a = x.view(2, 3, 4)
print(a.shape)
print(a.view(-1, 4).shape)
print(a.reshape(4, -1))
print(a.transpose(0, 1).shape)
print(a.permute(2, 0, 1).shape)
b = torch.zeros(1, 3, 1)
print(b.squeeze().shape, b.squeeze(0).shape, b.unsqueeze(1).shape)
print(a.flatten(1).shape)
c = torch.tensor([1, 2, 3])
print(c.expand(2, 3))
print(c.unsqueeze(0).expand(3, -1).stride())
try:
    a.transpose(0, 1).view(-1)
except RuntimeError as e:
    print(e)
print(a.transpose(0, 1).reshape(-1)[:5])
print(torch.Size([2, 3]), torch.Size([2, 3]).numel())
parts = x.chunk(3)
print(len(parts), parts[0])

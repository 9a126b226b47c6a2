import torch

x = torch.ones(2, 2, device='cuda')
y = (x * 3).sum()
print(y.item())
print(x)
print(y)

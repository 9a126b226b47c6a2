import torch

a = torch.ones(2, 3, 1)
b = torch.ones(3, 4)
print((a + b).shape)

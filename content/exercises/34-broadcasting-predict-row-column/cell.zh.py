import torch

a = torch.tensor([1.0, 2.0, 3.0])  # 形状 (3,)
b = torch.tensor([[1.0], [2.0], [3.0]])  # 形状 (3, 1)
print((a - b).shape)

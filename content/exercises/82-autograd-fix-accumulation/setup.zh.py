import torch
X = torch.tensor([1.0, 2.0, 3.0])
t = torch.tensor([2.0, 4.0, 6.0])  # t = 2 X：最优的 w 是 2
lr = 0.05

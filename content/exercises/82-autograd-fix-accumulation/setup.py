import torch
X = torch.tensor([1.0, 2.0, 3.0])
t = torch.tensor([2.0, 4.0, 6.0])  # t = 2 X: the best w is 2
lr = 0.05

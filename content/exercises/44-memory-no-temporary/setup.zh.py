import torch
v = torch.tensor([1.0, 2.0, 3.0])  # 动量缓冲区
g = torch.tensor([0.5, 0.5, 0.5])  # 这一步的梯度

import torch

P = torch.tensor([[0.0, 0.0], [1.0, 2.0], [3.0, 1.0]])  # 3 points (x, y)
Q = torch.tensor([[1.0, 0.0], [0.0, 2.0], [2.0, 2.0], [4.0, 4.0]])  # 4 points

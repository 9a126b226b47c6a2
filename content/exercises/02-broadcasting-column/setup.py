import torch
X = torch.arange(12, dtype=torch.float32).reshape(3, 4)
c = torch.tensor([10.0, 20.0, 30.0])

import torch
v = torch.tensor([1.0, 2.0, 3.0])  # the momentum buffer
g = torch.tensor([0.5, 0.5, 0.5])  # this step's gradient

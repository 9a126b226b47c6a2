import torch
x = torch.arange(6.0)

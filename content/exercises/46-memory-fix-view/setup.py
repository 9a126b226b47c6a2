import torch
x = torch.arange(24.0).reshape(2, 3, 4)  # (batch, channels, length)

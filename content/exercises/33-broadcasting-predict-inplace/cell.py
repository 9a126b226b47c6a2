import torch

w = torch.ones(2, 3)
g = torch.ones(1, 3)
w -= 0.1 * g
print(w.shape)
g -= 0.1 * w
print(g.shape)

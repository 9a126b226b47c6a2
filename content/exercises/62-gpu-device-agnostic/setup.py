import torch

# How similar each of three items is to each other one (1.0: to itself), made where tensors
# go by default: the CPU, or the GPU when it is the page's choice
S = torch.tensor([[1.0, 0.8, 0.1], [0.8, 1.0, 0.4], [0.1, 0.4, 1.0]])
device = S.device

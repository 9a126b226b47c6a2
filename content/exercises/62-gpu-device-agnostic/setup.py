import torch

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
# How similar each of three items is to each other one (1.0: to itself)
S = torch.tensor([[1.0, 0.8, 0.1], [0.8, 1.0, 0.4], [0.1, 0.4, 1.0]], device=device)

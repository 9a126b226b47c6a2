import torch
weights = torch.tensor([1.0, 2.0, 3.0])
updates = [torch.tensor([1.0, 0.0, 1.0]), torch.tensor([0.0, 2.0, 2.0])]

# An uncaught LinAlgError ends the program with PyTorch's last line.
import torch

A = torch.tensor([[1.0, 2.0], [2.0, 4.0]])
print(torch.det(A))
print(torch.linalg.inv(A))

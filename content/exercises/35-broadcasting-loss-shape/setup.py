import torch

X = torch.tensor([[1.0], [2.0], [3.0], [4.0]])  # 4 samples, 1 feature each
y_hat = 2 * X  # predictions: shape (4, 1)
y = torch.tensor([2.5, 3.5, 6.5, 8.5])  # targets: shape (4,)

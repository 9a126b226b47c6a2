import torch
torch.manual_seed(0)
n = 100
X = torch.randn(n, 3)  # 100 examples, 3 features each
y = X @ torch.tensor([1.0, -2.0, 0.5]) + 0.1 * torch.randn(n)
w = torch.tensor([0.5, 0.5, 0.5])  # the current weights
idx = torch.randperm(n)[:10]  # this step's mini-batch: the indices of 10 examples

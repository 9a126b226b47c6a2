import torch
torch.manual_seed(0)
n = 100
X = torch.randn(n, 3)  # 100 个样本，每个 3 个特征
y = X @ torch.tensor([1.0, -2.0, 0.5]) + 0.1 * torch.randn(n)
w = torch.tensor([0.5, 0.5, 0.5])  # 当前的权重
idx = torch.randperm(n)[:10]  # 这一步的小批量：10 个样本的下标

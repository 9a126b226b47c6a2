import torch

X = torch.tensor([[1.0], [2.0], [3.0], [4.0]])  # 4 个样本，每个 1 个特征
y_hat = 2 * X  # 预测值：形状 (4, 1)
y = torch.tensor([2.5, 3.5, 6.5, 8.5])  # 目标值：形状 (4,)

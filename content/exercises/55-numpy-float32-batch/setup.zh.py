import torch
import numpy as np

data = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])  # 用 NumPy 读入的特征
w = torch.tensor([[0.5], [-1.0]])                       # 模型的权重

import torch

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
# 三个项目两两之间的相似度（与自己的相似度为 1.0）
S = torch.tensor([[1.0, 0.8, 0.1], [0.8, 1.0, 0.4], [0.1, 0.4, 1.0]], device=device)

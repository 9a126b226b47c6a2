import torch

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
# 模型：device 上的 float32 权重
w = torch.tensor([[0.5], [-1.0], [2.0]], device=device)
b = torch.tensor([0.1], device=device)
# 数据管道送来的一批数据：在 CPU 上，类型为 float64（NumPy 就是这样生成数据的）
batch = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], dtype=torch.float64, device="cpu")

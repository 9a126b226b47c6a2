import torch
x = torch.arange(24.0).reshape(2, 3, 4)  # （批量, 通道, 长度）

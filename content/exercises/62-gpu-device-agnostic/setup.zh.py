import torch

# 三个项目两两之间的相似度（与自己的相似度为 1.0），建在张量默认所在的设备上：
# CPU，或者页面选择了 GPU 时的 GPU
S = torch.tensor([[1.0, 0.8, 0.1], [0.8, 1.0, 0.4], [0.1, 0.4, 1.0]])
device = S.device

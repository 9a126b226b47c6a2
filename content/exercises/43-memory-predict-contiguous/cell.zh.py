x = torch.arange(12.0).reshape(3, 4)  # 步幅 (4, 1)
c = x[:, 1]                           # 形状 (3,)
print(c.is_contiguous(), c.stride())

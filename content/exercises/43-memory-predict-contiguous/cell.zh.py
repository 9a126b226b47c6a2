m = torch.arange(6.0).reshape(2, 3)  # 步幅 (3, 1)
t = m.t()                            # 形状 (3, 2)
print(t.is_contiguous(), t.stride())

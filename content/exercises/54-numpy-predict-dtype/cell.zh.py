x = torch.from_numpy(np.array([0.5, 1.5]))  # 来自 NumPy 的数据
w = torch.ones(2)                           # 由 PyTorch 创建的张量
print((x * w).dtype)

x = torch.arange(6)
a = x[1:4]     # 切片
b = x[[4, 5]]  # 索引列表
a[0] = 100
b[0] = 200
print(x.tolist())

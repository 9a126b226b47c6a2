rows = []
for i in range(y.numel()):
    # J 的第 i 行是 e_i^T J：用独热向量 e_i 做一次反向传播
    pass
J = torch.stack(rows)
print(J)

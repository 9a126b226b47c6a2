diff = ...  # 形状 (3, 4, 2)：diff[i, j] = P[i] - Q[j]
D = ...  # 形状 (3, 4)：距离的平方
print(D)

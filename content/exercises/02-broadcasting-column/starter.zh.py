Y = ...  # X 的第 i 行加上 c[i]
print(Y)

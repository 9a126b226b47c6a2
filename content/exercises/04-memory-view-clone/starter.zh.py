v = ...  # x 前三个元素的视图
v[0] = 100
c = ...  # x 的独立副本
c[1] = -1
print(x)
print(c)

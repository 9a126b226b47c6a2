y = ...  # A 乘以 x：形状 (2,)
n = ...  # x . x，要是 Python float
print(y, n)

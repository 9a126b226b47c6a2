y = ...  # A times x: shape (2,)
n = ...  # x . x, as a Python float
print(y, n)

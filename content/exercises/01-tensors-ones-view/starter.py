x = ...  # a 3x4 tensor of ones
y = ...  # the same numbers as 2 rows of 6, sharing x's memory
print(y)

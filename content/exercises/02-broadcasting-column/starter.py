Y = ...  # X with c[i] added to row i
print(Y)

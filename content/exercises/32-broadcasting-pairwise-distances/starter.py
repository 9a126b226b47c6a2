diff = ...  # shape (3, 4, 2): diff[i, j] = P[i] - Q[j]
D = ...  # shape (3, 4): squared distances
print(D)

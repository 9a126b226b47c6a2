# expect: gd-mb-used-all
g = 2 * X.T @ (X @ w - y) / n
print(g)

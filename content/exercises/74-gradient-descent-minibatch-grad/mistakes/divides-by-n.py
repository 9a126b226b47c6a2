# expect: gd-mb-divided-by-n
Xb, yb = X[idx], y[idx]
g = 2 * Xb.T @ (Xb @ w - yb) / n
print(g)

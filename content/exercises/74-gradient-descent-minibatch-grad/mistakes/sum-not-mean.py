# expect: gd-mb-sum-not-mean
Xb, yb = X[idx], y[idx]
g = 2 * Xb.T @ (Xb @ w - yb)
print(g)

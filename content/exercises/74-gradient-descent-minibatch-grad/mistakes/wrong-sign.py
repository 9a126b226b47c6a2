# expect: gd-mb-sign
Xb, yb = X[idx], y[idx]
g = 2 * Xb.T @ (yb - Xb @ w) / len(idx)
print(g)

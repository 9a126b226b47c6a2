# expect: gd-mb-no-two
Xb, yb = X[idx], y[idx]
g = Xb.T @ (Xb @ w - yb) / len(idx)
print(g)

Xb, yb = X[idx], y[idx]  # only the examples of this mini-batch
g = 2 * Xb.T @ (Xb @ w - yb) / len(idx)
print(g)

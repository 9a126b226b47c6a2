Xb, yb = X[idx], y[idx]  # 只取这个小批量里的样本
g = 2 * Xb.T @ (Xb @ w - yb) / len(idx)
print(g)

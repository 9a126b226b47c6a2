# expect: bc-loss-matrix
diff = y_hat - y.unsqueeze(0)
loss = (diff ** 2).mean()
print(diff.shape, loss.item())

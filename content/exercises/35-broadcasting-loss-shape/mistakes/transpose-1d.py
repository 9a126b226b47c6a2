# expect: bc-loss-t-1d
y = y.t()
diff = y_hat - y
loss = (diff ** 2).mean()
print(diff.shape, loss.item())

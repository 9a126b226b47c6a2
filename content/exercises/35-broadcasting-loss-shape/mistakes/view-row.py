# expect: bc-loss-row
y = y.view(1, -1)
diff = y_hat - y
loss = (diff ** 2).mean()
print(diff.shape, loss.item())

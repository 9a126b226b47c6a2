diff = y_hat - y
loss = (diff ** 2).mean()  # the mean squared error
print(diff.shape, loss.item())

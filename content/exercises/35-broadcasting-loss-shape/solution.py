diff = y_hat.squeeze(1) - y
loss = (diff ** 2).mean()
print(diff.shape, loss.item())

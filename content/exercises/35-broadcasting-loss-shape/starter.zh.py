diff = y_hat - y
loss = (diff ** 2).mean()  # 均方误差
print(diff.shape, loss.item())

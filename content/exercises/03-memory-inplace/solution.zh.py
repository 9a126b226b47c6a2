y += x  # 也可以写 y.add_(x)、torch.add(x, y, out=y) 或 y[:] = x + y
print(y)

y += x  # or y.add_(x), torch.add(x, y, out=y), y[:] = x + y
print(y)

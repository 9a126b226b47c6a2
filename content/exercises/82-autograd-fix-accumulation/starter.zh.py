# 十步梯度下降。w 本应接近 2，却没有：修正这个循环。
w = torch.tensor(0.0, requires_grad=True)
for step in range(10):
    loss = ((w * X - t) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
print(f"w = {w.item():.4f}")

# Ten steps of gradient descent. w should approach 2, but it does not: fix the loop.
w = torch.tensor(0.0, requires_grad=True)
for step in range(10):
    loss = ((w * X - t) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
print(f"w = {w.item():.4f}")

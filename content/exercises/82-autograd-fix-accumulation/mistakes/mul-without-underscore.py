# expect: ag-fix-accumulates
w = torch.tensor(0.0, requires_grad=True)
for step in range(10):
    loss = ((w * X - t) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
    w.grad.mul(0)
print(f"w = {w.item():.4f}")

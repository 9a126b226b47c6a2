# expect: ag-fix-cleared-too-early
w = torch.tensor(0.0, requires_grad=True)
for step in range(10):
    loss = ((w * X - t) ** 2).mean()
    loss.backward()
    w.grad.zero_()
    with torch.no_grad():
        w -= lr * w.grad
print(f"w = {w.item():.4f}")

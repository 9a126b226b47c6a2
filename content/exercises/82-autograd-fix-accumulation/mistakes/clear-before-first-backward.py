# expect: ag-fix-grad-none
w = torch.tensor(0.0, requires_grad=True)
for step in range(10):
    w.grad.zero_()
    loss = ((w * X - t) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
print(f"w = {w.item():.4f}")

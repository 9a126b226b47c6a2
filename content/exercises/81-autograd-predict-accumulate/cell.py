x = torch.tensor(1.0, requires_grad=True)
for step in range(3):
    y = 2 * x  # a new graph on every pass
    y.backward()
print(x.grad.item())

# expect: gd-mom-grad-accumulates
v = torch.zeros_like(theta)
for _ in range(steps):
    loss = L(theta)
    loss.backward()
    with torch.no_grad():
        v = mu * v + theta.grad
        theta -= lr * v

print(theta)

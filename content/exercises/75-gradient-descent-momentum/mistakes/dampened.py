# expect: gd-mom-dampened
v = torch.zeros_like(theta)
for _ in range(steps):
    loss = L(theta)
    loss.backward()
    with torch.no_grad():
        v = mu * v + (1 - mu) * theta.grad
        theta -= lr * v
    theta.grad.zero_()
print(theta)

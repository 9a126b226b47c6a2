# expect: gd-mom-stale-velocity
v = torch.zeros_like(theta)
for _ in range(steps):
    loss = L(theta)
    loss.backward()
    with torch.no_grad():
        theta -= lr * v
        v = mu * v + theta.grad
    theta.grad.zero_()
print(theta)

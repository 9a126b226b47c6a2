# expect: gd-mom-no-momentum
for _ in range(steps):
    v = torch.zeros_like(theta)
    loss = L(theta)
    loss.backward()
    with torch.no_grad():
        v = mu * v + theta.grad
        theta -= lr * v
    theta.grad.zero_()
print(theta)

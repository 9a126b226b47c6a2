v = torch.zeros_like(theta)  # the velocity
for _ in range(steps):
    loss = L(theta)
    loss.backward()
    with torch.no_grad():
        v = mu * v + theta.grad  # v ← μ v + g
        theta -= lr * v          # θ ← θ − η v
    theta.grad.zero_()
print(theta)

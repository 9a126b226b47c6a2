v = torch.zeros_like(theta)  # the velocity
for _ in range(steps):
    loss = L(theta)
    loss.backward()
    with torch.no_grad():
        theta -= lr * theta.grad  # plain gradient descent: make this a momentum step
    theta.grad.zero_()
print(theta)

theta = theta0.clone()
steps = 0
while steps < max_steps:
    g = grad_L(theta)
    if torch.linalg.norm(g) < tol:  # the ground is flat: stop
        break
    theta = theta - lr * g
    steps += 1
print(steps, theta)

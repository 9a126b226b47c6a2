# expect: changed-input
theta = theta0
steps = 0
while steps < max_steps:
    g = grad_L(theta)
    if torch.linalg.norm(g) < tol:
        break
    theta -= lr * g
    steps += 1
print(steps, theta)

# expect: gd-stop-ascent
theta = theta0.clone()
steps = 0
while steps < max_steps:
    g = grad_L(theta)
    if torch.linalg.norm(g) < tol:
        break
    theta = theta + lr * g
    steps += 1
print(steps, theta)

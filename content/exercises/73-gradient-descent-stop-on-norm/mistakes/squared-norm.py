# expect: gd-stop-norm-squared
theta = theta0.clone()
steps = 0
while steps < max_steps:
    g = grad_L(theta)
    if (g**2).sum() < tol:
        break
    theta = theta - lr * g
    steps += 1
print(steps, theta)

# expect: gd-stop-on-loss
theta = theta0.clone()
steps = 0
while steps < max_steps:
    if L(theta) < tol:
        break
    theta = theta - lr * grad_L(theta)
    steps += 1
print(steps, theta)

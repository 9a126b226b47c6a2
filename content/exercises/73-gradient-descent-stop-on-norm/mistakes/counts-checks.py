# expect: gd-stop-count-off
theta = theta0.clone()
for steps in range(1, max_steps + 1):
    g = grad_L(theta)
    if torch.linalg.norm(g) < tol:
        break
    theta = theta - lr * g
print(steps, theta)

theta = theta0.clone()
steps = 0
while steps < max_steps:
    g = grad_L(theta)
    if torch.linalg.norm(g) < tol:  # 地面已经平了：停止
        break
    theta = theta - lr * g
    steps += 1
print(steps, theta)

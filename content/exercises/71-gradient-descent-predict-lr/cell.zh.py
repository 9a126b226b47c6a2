curv = torch.tensor([1.0, 10.0])  # L(θ) = θ1² + 10·θ2²

for lr in (0.01, 0.09, 0.11):
    theta = torch.tensor([1.0, 1.0])  # 这里的损失是 11
    for _ in range(30):
        theta = theta - lr * 2 * curv * theta  # 梯度是 (2θ1, 20θ2)
    loss = (curv * theta**2).sum().item()
    print(lr, "down" if loss < 11 else "up")

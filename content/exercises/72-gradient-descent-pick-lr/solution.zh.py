lr = 0.08  # 低于陡峭的 θ2 方向定下的上限 0.1，但离它不远

theta = torch.tensor([1.0, 1.0])
for step in range(50):
    theta = theta - lr * grad_L(theta)
print(f"lr={lr}: loss after 50 steps {L(theta).item():.3g}")

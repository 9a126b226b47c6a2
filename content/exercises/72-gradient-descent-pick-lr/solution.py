lr = 0.08  # below the limit 0.1 set by the steep θ2, but not far below it

theta = torch.tensor([1.0, 1.0])
for step in range(50):
    theta = theta - lr * grad_L(theta)
print(f"lr={lr}: loss after 50 steps {L(theta).item():.3g}")

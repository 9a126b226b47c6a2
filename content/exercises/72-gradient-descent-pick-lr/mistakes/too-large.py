# expect: gd-lr-diverges
lr = 0.15

theta = torch.tensor([1.0, 1.0])
for step in range(50):
    theta = theta - lr * grad_L(theta)
print(f"lr={lr}: loss after 50 steps {L(theta).item():.3g}")

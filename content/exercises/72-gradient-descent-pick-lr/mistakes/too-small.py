# expect: gd-lr-too-slow
lr = 0.01

theta = torch.tensor([1.0, 1.0])
for step in range(50):
    theta = theta - lr * grad_L(theta)
print(f"lr={lr}: loss after 50 steps {L(theta).item():.3g}")

v = torch.zeros_like(theta)  # 速度
for _ in range(steps):
    loss = L(theta)
    loss.backward()
    with torch.no_grad():
        theta -= lr * theta.grad  # 这是普通的梯度下降：把它改成带动量的一步
    theta.grad.zero_()
print(theta)

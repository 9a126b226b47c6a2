x = torch.tensor(1.0, requires_grad=True)
for step in range(3):
    y = 2 * x  # 每一轮都建一张新的计算图
    y.backward()
print(x.grad.item())

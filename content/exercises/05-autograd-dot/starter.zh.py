x = torch.arange(4.0)
y = 2 * torch.dot(x, x)
# 在这里从 y 反向传播
print(x.grad)

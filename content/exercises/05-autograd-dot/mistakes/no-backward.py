# expect: no-backward
x = torch.arange(4.0, requires_grad=True)
y = 2 * torch.dot(x, x)
print(x.grad)

# expect: requires-grad-missing
x = torch.arange(4.0)
y = 2 * torch.dot(x, x)
y.backward()
print(x.grad)

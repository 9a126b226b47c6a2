x = torch.arange(4.0)
y = 2 * torch.dot(x, x)
# back-propagate from y here
print(x.grad)

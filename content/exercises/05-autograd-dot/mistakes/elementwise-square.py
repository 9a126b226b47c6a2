# expect: non-scalar-backward
x = torch.arange(4.0, requires_grad=True)
y = 2 * x * x
y.backward()
print(x.grad)

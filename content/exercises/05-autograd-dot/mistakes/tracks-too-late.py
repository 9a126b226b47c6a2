# expect: ag-dot-tracked-too-late
x = torch.arange(4.0)
y = 2 * torch.dot(x, x)
x.requires_grad_()
y.backward()
print(x.grad)

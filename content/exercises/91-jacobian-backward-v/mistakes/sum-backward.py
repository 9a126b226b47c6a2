# expect: jac-ones-not-v
y = f(x)
y.sum().backward()
print(x.grad)

J = torch.autograd.functional.jacobian(f, x)
vJ = v @ J
print(vJ)

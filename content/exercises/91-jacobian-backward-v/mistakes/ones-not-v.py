# expect: jac-ones-not-v
y = f(x)
y.backward(torch.ones(3))
print(x.grad)

J = torch.autograd.functional.jacobian(f, x)
vJ = v @ J
print(vJ)

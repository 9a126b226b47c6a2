# expect: jac-backward-needs-v
y = f(x)
y.backward()
print(x.grad)

J = torch.autograd.functional.jacobian(f, x)
vJ = v @ J
print(vJ)

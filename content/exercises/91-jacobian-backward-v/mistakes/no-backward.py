# expect: jac-no-backward-v
y = f(x)
print(x.grad)

J = torch.autograd.functional.jacobian(f, x)
vJ = v @ J
print(vJ)

# expect: jac-jv-not-vjp
y = f(x)
y.backward(v)
print(x.grad)

J = torch.autograd.functional.jacobian(f, x)
vJ = J @ v
print(vJ)

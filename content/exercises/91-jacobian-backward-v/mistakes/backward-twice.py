# expect: jac-grad-accumulated
y = f(x)
y.backward(v, retain_graph=True)
print(x.grad)
y.backward(v)
print(x.grad)

J = torch.autograd.functional.jacobian(f, x)
vJ = v @ J
print(vJ)

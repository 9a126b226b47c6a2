# 1. v^T J with backward: compute y = f(x), then call y.backward with v
y = f(x)
y.backward(v)
print(x.grad)

# 2. the same product from the whole Jacobian
J = torch.autograd.functional.jacobian(f, x)
vJ = v @ J
print(vJ)

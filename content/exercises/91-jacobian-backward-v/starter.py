# 1. v^T J with backward: compute y = f(x), then call y.backward with v
y = f(x)

print(x.grad)

# 2. the same product from the whole Jacobian
J = None
vJ = None
print(vJ)

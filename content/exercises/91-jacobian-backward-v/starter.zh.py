# 1. 用 backward 计算 v^T J：先算 y = f(x)，再以 v 调用 y.backward
y = f(x)

print(x.grad)

# 2. 用完整的雅可比矩阵算同一个乘积
J = None
vJ = None
print(vJ)

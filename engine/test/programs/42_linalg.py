# torch.inverse / torch.linalg: inverse, det, norms, their gradients and their errors.
import torch

A = torch.tensor([[4.0, 7.0], [2.0, 6.0]])
A_inv = torch.inverse(A)
print(A_inv)
print(A @ A_inv)
print(A_inv.stride(), A_inv.is_contiguous())
print(torch.linalg.inv(A).equal(A.inverse()))
print(torch.det(A), A.det(), torch.linalg.det(A))

torch.manual_seed(0)
B = torch.randn(2, 3, 3)
print(torch.linalg.inv(B))
print(torch.det(B))
print(torch.linalg.inv(torch.eye(3, dtype=torch.float64) * 4))

# gradients
X = torch.tensor([[2.0, 1.0], [1.0, 3.0]], requires_grad=True)
Y = X.inverse()
print(Y)
Y.sum().backward()
print(X.grad)
X.grad = None
d = torch.det(X)
print(d)
d.backward()
print(X.grad)
S = torch.tensor([[1.0, 2.0], [2.0, 4.0]], requires_grad=True)
ds = S.det()
print(ds)
ds.backward()
print(S.grad)

# singular matrices
for M in [torch.zeros(2, 2), torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]),
          torch.stack([torch.eye(2), torch.ones(2, 2)])]:
    try:
        torch.inverse(M)
    except torch.linalg.LinAlgError as e:
        print(type(e).__name__, isinstance(e, RuntimeError), e)
print(torch.det(torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])))
print(torch.linalg.inv_ex(torch.zeros(2, 2)))
print(torch.linalg.inv_ex(torch.eye(2)).info)
for bad in [torch.ones(2, 3), torch.ones(3), torch.ones(2, 2, dtype=torch.int64)]:
    for fn in (torch.inverse, torch.det):
        try:
            fn(bad)
        except RuntimeError as e:
            print(type(e).__name__, e)

# norms
v = torch.tensor([3.0, -4.0, 0.0])
print(torch.linalg.norm(v), torch.linalg.norm(v, 1), torch.linalg.norm(v, float("inf")), torch.linalg.norm(v, 0))
print(torch.linalg.vector_norm(v, 3), torch.linalg.vector_norm(v, dtype=torch.float64))
M = torch.arange(12.0).view(3, 4) - 5
print(torch.linalg.norm(M), torch.linalg.norm(M, "fro"), torch.linalg.norm(M, 1), torch.linalg.norm(M, float("-inf")))
print(torch.linalg.norm(M, dim=1), torch.linalg.matrix_norm(M, keepdim=True))
print(M.norm(), M.norm(p="fro"), M.norm(p=0))
w = torch.tensor([1.0, 2.0, 2.0], requires_grad=True)
n = torch.linalg.norm(w)
print(n)
n.backward()
print(w.grad)
for call in [lambda: torch.linalg.norm(torch.ones(2, 2, 2), 2), lambda: torch.linalg.matrix_norm(M, 3),
             lambda: torch.linalg.vector_norm(torch.tensor([1, 2]))]:
    try:
        call()
    except RuntimeError as e:
        print(e)

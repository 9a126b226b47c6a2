# torch.inverse / det / linalg.norm on the GPU, the singular-matrix error (a host read of the
# factorisation's info), broadcast_tensors and a storage of a cuda tensor.
import torch

A = torch.tensor([[2.0, 1.0], [1.0, 3.0]], device="cuda")
A_inv = torch.inverse(A)
print(A_inv)
print(torch.det(A), torch.linalg.norm(A))
torch.manual_seed(0)
B = (torch.randn(2, 3, 3) + 3 * torch.eye(3)).to("cuda")
print(torch.linalg.inv(B), torch.det(B))
try:
    torch.inverse(torch.zeros(2, 2, device="cuda"))
except torch.linalg.LinAlgError as e:
    print(e)
X = torch.tensor([[2.0, 1.0], [1.0, 3.0]], device="cuda", requires_grad=True)
X.inverse().sum().backward()
print(X.grad)
X.grad = None
X.det().backward()
print(X.grad)
a, b = torch.broadcast_tensors(torch.arange(3.0, device="cuda"), torch.ones(2, 1, device="cuda"))
print(a + b)
t = torch.arange(4.0, device="cuda")
s = t[1:].storage()
print(s)
print(s[2], len(s), s.data_ptr() == t.data_ptr())

# Bitwise operators on integer and bool tensors, and x.T on matrices and vectors.
import torch

a = torch.tensor([5, -3, 12])
b = torch.tensor([3, 6, -1])
print(a & b, a | b, a ^ b)
print(~a, ~torch.tensor([True, False]))
print(a & 6, (a & b).dtype)
mask = (a > 0) & (b > 0)
print(mask, a[mask | (b < 0)])
x = torch.tensor([6, 5])
before = id(x)
x &= 3
print(x, id(x) == before)
try:
    torch.ones(2) & torch.ones(2)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    ~torch.ones(2)
except TypeError as e:
    print("TypeError:", e)
m = torch.arange(6).reshape(2, 3)
print(m.T, m.T.shape, m.T.is_contiguous(), m.mT.stride())

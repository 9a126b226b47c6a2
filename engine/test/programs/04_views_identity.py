# Views share storage with their base; clone copies. In-place ops keep identity.
import torch

x = torch.arange(6)
v = x.view(2, 3)
print(v)
v[0, 0] = 100
print(x)
print(x.data_ptr() == v.data_ptr())
r = x.reshape(3, 2)
print(r.data_ptr() == x.data_ptr())
c = x.clone()
print(c.data_ptr() == x.data_ptr())
c[1] = -1
print(x, c)
before = id(x)
x += 1
print(id(x) == before)
x = x + 1
print(id(x) == before)
y = torch.zeros(3)
y2 = y.add_(1)
print(y2 is y, y)
t = torch.arange(12).view(3, 4)
print(t.t().is_contiguous(), t.is_contiguous())
print(t.stride(), t.t().stride())
row = t[1]
print(row, row.storage_offset())
print(t[:, 1])
print(t[1:, ::2])
print(t[None].shape, t[..., 0])
s = t.flatten()
print(s.shape)

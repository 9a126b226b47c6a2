# Tensor.storage(): the memory under a tensor and its views.
import torch

x = torch.arange(6.0)
s = x.storage()
print(s)
print(type(s), len(s), s.size(), s.element_size(), s.nbytes(), s.dtype, s.device)
print(s.data_ptr() == x.data_ptr(), s.type())
v = x.view(2, 3)[:, 1]
print(v, v.storage_offset())
print(v.storage().data_ptr() == s.data_ptr(), len(v.storage()))
print(v.data_ptr() - v.storage().data_ptr() == v.storage_offset() * v.element_size())
print(x[2:].data_ptr() - x.data_ptr())
print(s[1], s[-1], s.tolist())
s[0] = 100.0
print(x)
s.fill_(1.5)
print(x, list(s)[:2])
try:
    s[10]
except IndexError as e:
    print(e)
try:
    s[1:3]
except RuntimeError as e:
    print(e)
u = torch.tensor([1.0, 2.0]).storage().untyped()
print(u)
print(type(u), len(u), u.nbytes(), u.element_size(), u[3], u.tolist())
print(torch.tensor([1, 2, 3]).storage())
print(torch.tensor([True, False]).storage())
print(torch.tensor([1.5, -2.25], dtype=torch.float64).storage())
print(torch.tensor([]).storage())
print(torch.ones(2, 3).t().storage())
print(x.is_set_to(x), x.view(6).is_set_to(x), x.view(2, 3).is_set_to(x), x[1:].is_set_to(x))
print(torch.is_storage(s), torch.is_storage(x), isinstance(s, torch.TypedStorage))
c = x.clone()
print(c.storage().data_ptr() == s.data_ptr(), x.detach().storage().data_ptr() == s.data_ptr())

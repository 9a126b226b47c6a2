# torch.broadcast_shapes / broadcast_tensors, result_type / promote_types / can_cast, the tuples
# split-like methods return, and torch.normal with tensor mean and std.
import torch

print(torch.broadcast_shapes((3, 1), (2,)))
print(torch.broadcast_shapes(torch.Size([2, 1]), [1, 4], 4))
print(torch.broadcast_shapes())
for shapes in [((3,), (2,)), ((2, 3), (4, 3)), ((-1,), (2,))]:
    try:
        torch.broadcast_shapes(*shapes)
    except RuntimeError as e:
        print(e)
x = torch.arange(3.0)
col = torch.ones(2, 1)
a, b = torch.broadcast_tensors(x, col)
print(a)
print(b)
print(a.shape, a.stride(), b.stride(), a.data_ptr() == x.data_ptr())
print(type(torch.broadcast_tensors(x, x)), torch.broadcast_tensors(x, x)[0] is x)
try:
    torch.broadcast_tensors(torch.ones(3), torch.ones(2))
except RuntimeError as e:
    print(e)
try:
    torch.broadcast_tensors(torch.ones(3), 2)
except TypeError as e:
    print(e)

i = torch.tensor([1, 2])
f = torch.tensor([1.5])
print(torch.result_type(i, f), torch.result_type(i, 2.0), torch.result_type(i, 2))
print(torch.result_type(torch.tensor([1, 2], dtype=torch.int32), torch.tensor(5)))
print(torch.result_type(torch.tensor([True]), 1), torch.result_type(2, 3.0), torch.result_type(True, 3))
print(torch.result_type(torch.tensor(1.0, dtype=torch.float64), torch.tensor([1.0])))
print(torch.promote_types(torch.int32, torch.float32), torch.promote_types(torch.bool, torch.int64))
print(torch.can_cast(torch.float32, torch.int32), torch.can_cast(torch.int32, torch.float32),
      torch.can_cast(torch.float64, torch.float32), torch.can_cast(torch.int64, torch.bool))
try:
    torch.result_type(i, "a")
except TypeError as e:
    print(e)
try:
    torch.promote_types(torch.int32, 1)
except TypeError as e:
    print(e)

t = torch.arange(6.0).view(2, 3)
print(t.chunk(2), type(torch.chunk(t, 3, 1)))
print(torch.split(t, 1), t.split([1, 2], dim=1))
print(t.unbind(1), type(torch.unbind(t)))

torch.manual_seed(0)
print(torch.normal(torch.zeros(3), torch.ones(3)))
print(torch.normal(torch.zeros(20), torch.ones(20)))
print(torch.normal(torch.arange(4.0), 0.5))
print(torch.normal(1.0, torch.arange(1.0, 4.0)))
print(torch.normal(torch.zeros(3, 1), torch.ones(1, 4)))
print(torch.normal(torch.zeros(2, dtype=torch.float64), torch.ones(2)))
m = torch.zeros(3, requires_grad=True)
s = torch.normal(m, torch.ones(3))
print(s.grad_fn is not None, type(s.grad_fn).__name__)
s.sum().backward()
print(m.grad)

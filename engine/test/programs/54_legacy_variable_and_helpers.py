# What older tutorials and utility code call: torch.autograd.Variable, logsumexp, finfo/iinfo,
# type_as and exponential_.
import torch
from torch.autograd import Variable

torch.manual_seed(0)
x = Variable(torch.ones(2, 2), requires_grad=True)
y = x + 2
z = y * y * 3
out = z.mean()
out.backward()
print(x, out, x.grad, isinstance(x, Variable), isinstance(3, Variable))
v = Variable(torch.tensor([1.0, 2.0]))
print(v, v.requires_grad, Variable(out).grad_fn, Variable(out).requires_grad)
scores = torch.tensor([[1.0, 2.0, 3.0], [1000.0, 1000.0, -5.0]], requires_grad=True)
lse = torch.logsumexp(scores, dim=1)
print(lse, scores.logsumexp(dim=(0, 1)), torch.logsumexp(torch.tensor([1, 2]), 0))
lse.sum().backward()
print(scores.grad)
print(torch.finfo(torch.float32), torch.finfo(torch.float64).eps, torch.iinfo(torch.int64).max)
print(torch.finfo().tiny, torch.finfo(torch.float32).min, torch.iinfo(torch.int32))
print(torch.tensor([1, 2]).type_as(torch.tensor([0.5])), torch.empty(3).exponential_(), torch.empty(2).exponential_(4.0))
print(torch.zeros(size=(2,)), torch.ones(size=[1, 2]).shape, torch.rand(size=(2,)).shape, torch.empty(size=torch.Size([3])).shape)

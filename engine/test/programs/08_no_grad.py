# torch.no_grad, detach and requires_grad_ switch graph recording off and on.
import torch

x = torch.ones(3, requires_grad=True)
with torch.no_grad():
    y = x * 2
print(y.requires_grad, y)
print(torch.is_grad_enabled())
with torch.no_grad():
    print(torch.is_grad_enabled())

@torch.no_grad()
def double(t):
    return t * 2

print(double(x).requires_grad)
d = x.detach()
print(d.requires_grad, d.data_ptr() == x.data_ptr())
z = torch.zeros(2)
z.requires_grad_()
print(z.requires_grad)
with torch.no_grad():
    x.add_(1)
print(x)
s = (x * x).sum()
print(s.requires_grad)

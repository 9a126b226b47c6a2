# In-place writes bump a version counter that views share (autograd checks it), and
# torch.version tells what build this is, as install checks print it.
import torch

print(torch.version.cuda, torch.version.debug, torch.version.hip)
x = torch.ones(3)
v = x[:2]
print(x._version, v._version)
x.add_(1)
v.mul_(2)
print(x._version, v._version)
d = x.data  # .data has a counter of its own
d.add_(1)
print(x._version, d._version)
y = x + 1  # a new tensor starts at 0
print(y._version)
try:
    x._version = 3
except AttributeError:
    print("_version is read-only")

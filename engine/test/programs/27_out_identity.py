# out= writes into the given tensor, which keeps its identity; so do y[:] =, += and add_.
import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([10.0, 20.0, 30.0])
before = id(y)
r = torch.add(x, y, out=y)
print(id(y) == before, r is y, y)
torch.add(x, y, alpha=2, out=y)
print(y)
torch.sub(y, 1, out=y)
print(y)
torch.mul(x, x, out=y)
print(y)
torch.div(x, 2, out=y)
print(y)
torch.pow(x, 2, out=y)
print(y)
torch.pow(x, x, out=y)
print(y)
torch.neg(x, out=y)
print(y)
torch.exp(torch.zeros(3), out=y)
print(y)
torch.clamp(x, 1.5, 2.5, out=y)
print(y)
print(id(y) == before)

mask = torch.empty(3, dtype=torch.bool)
torch.gt(x, 1.5, out=mask)
print(mask)
torch.eq(x, x, out=mask)
print(mask)
d = torch.empty(3, dtype=torch.float64)
torch.add(x, 1, out=d)
print(d)

s = torch.empty(())
print(torch.sum(x, 0, out=s) is s, s)
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
m = torch.empty(2, 2)
print(torch.matmul(a, a, out=m) is m, m)
c = torch.empty(2, 3)
print(torch.stack([x, x], out=c) is c, c)
c6 = torch.empty(6)
print(torch.cat([x, x], out=c6) is c6, c6)

longs = torch.empty(3, dtype=torch.int64)
for attempt in [
    lambda: torch.add(x, y, out=longs),
    lambda: torch.sqrt(x, out=longs),
    lambda: torch.add(torch.ones(3, requires_grad=True), 1, out=y),
    lambda: torch.matmul(a, a, out=torch.empty(2, 2, dtype=torch.int64)),
]:
    try:
        attempt()
        print("ok")
    except RuntimeError as e:
        print("RuntimeError:", e)

with torch.no_grad():
    w = torch.ones(3, requires_grad=True)
    torch.mul(w, 2, out=y)
print(y)

y = torch.tensor([10.0, 20.0, 30.0])
before = id(y)
y[:] = x + y
print(id(y) == before, y)
y += x
print(id(y) == before, y)
y.add_(x)
print(id(y) == before, y)
y = y + x
print(id(y) == before, y)

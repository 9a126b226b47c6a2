x = torch.ones(3)
y = torch.zeros(3)
before = id(y)
y += x
print(id(y) == before)
y = y + x
print(id(y) == before)

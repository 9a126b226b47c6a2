# expect: wrong-dtype
x = torch.ones(3, 4, dtype=torch.int64)
y = x.view(2, 6)
print(y)

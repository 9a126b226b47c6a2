# expect: used-copy
x = torch.ones(3, 4)
y = torch.ones(2, 6)
print(y)

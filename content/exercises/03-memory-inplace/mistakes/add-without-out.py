# expect: new-object
y = torch.add(x, y)
print(y)

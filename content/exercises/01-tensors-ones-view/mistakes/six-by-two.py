# expect: wrong-shape
x = torch.ones(3, 4)
y = x.view(6, 2)
print(y)

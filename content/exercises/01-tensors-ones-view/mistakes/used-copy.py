# expect: used-copy
x = torch.ones(3, 4)
y = x.clone().view(2, 6)
print(y)

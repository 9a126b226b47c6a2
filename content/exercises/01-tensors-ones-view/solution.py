x = torch.ones(3, 4)
y = x.view(2, 6)
print(y)

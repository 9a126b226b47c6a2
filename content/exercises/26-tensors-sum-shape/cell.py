X = torch.ones(2, 3, 4)
print(X.sum(dim=1).shape)

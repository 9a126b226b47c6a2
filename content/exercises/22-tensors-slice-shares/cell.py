x = torch.arange(6)
a = x[1:4]     # a slice
b = x[[4, 5]]  # a list of indices
a[0] = 100
b[0] = 200
print(x.tolist())

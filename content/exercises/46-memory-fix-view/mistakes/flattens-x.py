# expect: mem-flattened-untransposed
xt = x.transpose(1, 2)
flat = x.view(2, 12)
print(flat)

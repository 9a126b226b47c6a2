# expect: tensors-item-missing
y = A @ x
n = torch.dot(x, x)
print(y, n)

# expect: tensors-dot-vectors-only
y = torch.dot(A, x)
n = torch.dot(x, x).item()
print(y, n)

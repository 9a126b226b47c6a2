# expect: tensors-matmul-order
y = x @ A
n = torch.dot(x, x).item()
print(y, n)

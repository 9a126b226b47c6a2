y = A @ x
n = torch.dot(x, x).item()
print(y, n)

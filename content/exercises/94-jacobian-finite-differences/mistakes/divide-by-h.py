# expect: jac-fd-divide-by-h
J_fd = torch.zeros(2, 2, dtype=torch.float64)
for j in range(2):
    e_j = torch.zeros_like(x)
    e_j[j] = h
    J_fd[:, j] = (f(x + e_j) - f(x - e_j)) / h
err = (J_fd - J).abs().max().item()
print(err)

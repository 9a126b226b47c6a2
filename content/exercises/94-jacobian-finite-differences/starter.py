# A finite-difference check of J. It reports an error near 3e-4: fix it.
J_fd = torch.zeros(2, 2)
for j in range(2):
    e_j = torch.zeros_like(x)
    e_j[j] = h
    J_fd[:, j] = (f(x + e_j) - f(x)) / h
err = (J_fd - J).abs().max().item()
print(err)

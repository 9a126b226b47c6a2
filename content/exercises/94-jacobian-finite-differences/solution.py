# A finite-difference check of J. It reports an error near 3e-4: fix it.
J_fd = torch.zeros(2, 2, dtype=torch.float64)  # float64, like x: float32 would round each estimate
for j in range(2):
    e_j = torch.zeros_like(x)
    e_j[j] = h
    J_fd[:, j] = (f(x + e_j) - f(x - e_j)) / (2 * h)  # central: error ~ h^2, not ~ h
err = (J_fd - J).abs().max().item()
print(J_fd.dtype, err < 1e-6)

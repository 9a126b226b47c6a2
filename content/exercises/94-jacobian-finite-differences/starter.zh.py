# 对 J 的有限差分检验。它报告的误差约为 3e-4：请修正它。
J_fd = torch.zeros(2, 2)
for j in range(2):
    e_j = torch.zeros_like(x)
    e_j[j] = h
    J_fd[:, j] = (f(x + e_j) - f(x)) / h
err = (J_fd - J).abs().max().item()
print(err)

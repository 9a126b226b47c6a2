def zero_diagonal(S):
    keep = 1 - torch.eye(S.shape[0], device="cpu")  # 对角线上为 0，其余为 1
    return S * keep


print(zero_diagonal(S))

def zero_diagonal(S):
    keep = 1 - torch.eye(S.shape[0], device="cpu")  # 0 on the diagonal, 1 elsewhere
    return S * keep


print(zero_diagonal(S))

def zero_diagonal(S):
    # made like S: on its device, with its dtype
    keep = 1 - torch.eye(S.shape[0], dtype=S.dtype, device=S.device)
    return S * keep


print(zero_diagonal(S))

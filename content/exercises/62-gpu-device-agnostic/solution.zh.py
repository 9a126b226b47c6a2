def zero_diagonal(S):
    # 照着 S 创建：在它的设备上，用它的数据类型
    keep = 1 - torch.eye(S.shape[0], dtype=S.dtype, device=S.device)
    return S * keep


print(zero_diagonal(S))

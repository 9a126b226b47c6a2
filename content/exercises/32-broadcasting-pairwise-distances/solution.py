diff = P[:, None, :] - Q[None, :, :]
D = (diff ** 2).sum(dim=2)
print(D)

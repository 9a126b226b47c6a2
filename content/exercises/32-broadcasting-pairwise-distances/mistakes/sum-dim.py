# expect: bc-pairwise-sum-dim
diff = P[:, None, :] - Q[None, :, :]
D = (diff ** 2).sum(dim=0)
print(D)

# expect: bc-pairwise-no-new-dim
diff = P - Q
D = (diff ** 2).sum(dim=1)
print(D)

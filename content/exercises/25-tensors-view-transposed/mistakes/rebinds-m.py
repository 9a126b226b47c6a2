# expect: changed-input
m = m.t().contiguous()
cols = m.view(6)
print(cols)

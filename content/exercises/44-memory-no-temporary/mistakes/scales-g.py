# expect: changed-input
g.add_(v.mul_(0.9))
print(v)

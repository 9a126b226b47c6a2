v.mul_(0.9).add_(g)  # each in-place method returns v itself, so they chain
print(v)

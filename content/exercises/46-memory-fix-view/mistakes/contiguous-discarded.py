# expect: mem-view-not-contiguous
xt = x.transpose(1, 2)
xt.contiguous()
flat = xt.view(2, 12)
print(flat)

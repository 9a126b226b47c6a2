# expect: wrong-shape
xt = x.transpose(1, 2)
flat = xt.reshape(-1)
print(flat)

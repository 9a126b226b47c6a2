# expect: mem-momentum-order
v += g
v *= 0.9
print(v)

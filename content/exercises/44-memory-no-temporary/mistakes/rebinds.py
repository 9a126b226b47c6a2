# expect: mem-momentum-new-object
v = v.mul(0.9) + g
print(v)

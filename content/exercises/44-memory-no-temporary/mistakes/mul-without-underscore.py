# expect: mem-momentum-not-updated
v.mul(0.9).add_(g)
print(v)

# expect: mem-momentum-temporary
v[:] = 0.9 * v + g
print(v)

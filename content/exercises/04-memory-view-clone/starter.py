v = ...  # a view of x's first three elements
v[0] = 100
c = ...  # an independent copy of x
c[1] = -1
print(x)
print(c)

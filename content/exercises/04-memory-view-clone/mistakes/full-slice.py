# expect: copy-shares-memory
v = x[:3]
v[0] = 100
c = x[:]
c[1] = -1
print(x)
print(c)

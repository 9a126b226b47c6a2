v = x[:3]
v[0] = 100
c = x.clone()
c[1] = -1
print(x)
print(c)

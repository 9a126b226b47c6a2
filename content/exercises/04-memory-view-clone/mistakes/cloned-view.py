# expect: view-expected
v = x[:3].clone()
v[0] = 100
c = x.clone()
c[1] = -1
print(x)
print(c)

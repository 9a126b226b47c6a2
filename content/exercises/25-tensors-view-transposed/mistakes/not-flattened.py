# expect: wrong-shape
cols = m.t()
print(cols)

# expect: not-updated
y.add(x)
print(y)

# expect: new-object
y = y + x
print(y)

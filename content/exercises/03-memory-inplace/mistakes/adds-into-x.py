# expect: changed-input
x += y
y = x
print(y)

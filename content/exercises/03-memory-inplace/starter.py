y = x + y
print(y)

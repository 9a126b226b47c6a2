y += x
print(y)

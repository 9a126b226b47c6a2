# expect: broadcast-row-not-column
Y = X + c
print(Y)

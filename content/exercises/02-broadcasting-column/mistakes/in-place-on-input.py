# expect: changed-input
X += c.reshape(3, 1)
Y = X
print(Y)

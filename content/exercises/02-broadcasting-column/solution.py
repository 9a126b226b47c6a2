Y = X + c.reshape(3, 1)
print(Y)

# expect: bc-column-runs-along-row
Y = X + c.reshape(1, 3)
print(Y)

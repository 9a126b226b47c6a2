# expect: bc-column-runs-along-row
Y = X + c
print(Y)

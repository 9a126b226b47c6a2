# expect: bc-column-transposed
Y = X.t() + c
print(Y)

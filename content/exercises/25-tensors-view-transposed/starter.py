# The columns of m, one after another: [1., 4., 2., 5., 3., 6.]
cols = m.t().view(6)
print(cols)

# reshape views when it can and copies when it must: here it must
cols = m.t().reshape(6)
print(cols)

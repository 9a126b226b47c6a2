# Make this update happen in v's own memory, without any temporary tensor.
v = 0.9 * v + g
print(v)

# This makes a new tensor and points the name y at it: make the sum land in y's own memory.
y = x + y
print(y)

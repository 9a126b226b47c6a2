x = readings  # float32, on device
mean = x.mean()  # a Python float
print(mean)

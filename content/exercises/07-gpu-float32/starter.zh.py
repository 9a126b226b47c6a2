x = readings  # float32，放在 device 上
mean = x.mean()  # 一个 Python float
print(mean)

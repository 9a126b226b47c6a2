# expect: gpu-float64
x = readings.to(device)
mean = x.mean().item()
print(mean)

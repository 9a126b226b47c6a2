x = readings.float().to(device)
mean = x.mean().item()
print(mean)

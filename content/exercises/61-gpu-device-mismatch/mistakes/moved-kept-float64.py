# expect: gpu-batch-still-float64
batch = batch.to(device)
pred = batch @ w + b
print(pred)

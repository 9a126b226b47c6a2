# expect: gpu-model-moved
w = w.to(batch)
b = b.to(batch)
pred = batch @ w + b
print(pred)

# expect: numpy-not-an-array
weights_np = w.detach()
print(weights_np)

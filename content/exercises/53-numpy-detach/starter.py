weights_np = w.numpy()  # hand the weights to NumPy, without copying
print(weights_np)

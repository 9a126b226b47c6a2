# expect: numpy-detach-copied
weights_np = np.array(w.tolist())
print(weights_np)

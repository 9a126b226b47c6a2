# expect: numpy-grad-switched-off
w.requires_grad_(False)
weights_np = w.numpy()
print(weights_np)

weights_np = w.detach().numpy()
print(weights_np)

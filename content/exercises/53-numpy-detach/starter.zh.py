weights_np = w.numpy()  # 把权重交给 NumPy，不复制
print(weights_np)

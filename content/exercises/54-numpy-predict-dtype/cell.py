x = torch.from_numpy(np.array([0.5, 1.5]))  # data from NumPy
w = torch.ones(2)                           # a tensor made by PyTorch
print((x * w).dtype)

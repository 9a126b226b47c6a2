counts = torch.tensor([3, 4])  # int64
halves = counts / 2
print(halves.dtype)

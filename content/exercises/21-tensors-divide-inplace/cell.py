counts = torch.tensor([3, 4])  # int64
counts /= 2
print(counts)
